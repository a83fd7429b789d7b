package com.waymark.impact;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The impact report's figures as CSV, one row a figure ({@code section,figure,value}; a hidden one reads "hidden"),
 * after a few rows saying whose figures, which days and which threshold. Written with Apache Commons CSV; a cell a
 * spreadsheet would run as a formula is prefixed with a quote mark.
 */
final class ImpactCsv {

    private ImpactCsv() {
    }

    static String write(ImpactReport report) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n")
                .setHeader("section", "figure", "value").get())) {
            csv.printRecord("About", "Programme", cell(report.programme()));
            csv.printRecord("About", "First day", report.period().first().toString());
            csv.printRecord("About", "Last day", report.period().last().toString());
            csv.printRecord("About", "Threshold (leaders in every figure)", Integer.toString(report.threshold()));
            for (ImpactReport.Section section : report.sections()) {
                for (ImpactReport.Figure figure : section.figures()) {
                    csv.printRecord(cell(section.title()), cell(figure.label()),
                            figure.shown() ? cell(figure.value()) : "hidden");
                }
            }
            csv.printRecord("About", "Figures shown", Integer.toString(report.released()));
            csv.printRecord("About", "Figures hidden", Integer.toString(report.hidden()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String cell(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
