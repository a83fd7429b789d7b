package com.waymark.insight;

/** A report and the header that says whose, which period and which threshold: resolved once, read together. */
public record Report<T>(ReportHeader header, T body) {
}
