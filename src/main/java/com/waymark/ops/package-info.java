/**
 * Operations: the Quartz scheduler's health and the meters that belong to no single feature. Nothing here
 * is part of what people see; nothing here reads personal data.
 */
package com.waymark.ops;
