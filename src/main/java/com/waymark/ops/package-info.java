/**
 * Operations: the Quartz scheduler's health, the meters that belong to no single feature, and whether people are
 * waiting on this instance right now ({@link com.waymark.ops.Foreground}). Nothing here is part of what people see;
 * nothing here reads personal data.
 */
package com.waymark.ops;
