/**
 * The short diagnostic before a programme's first session (issue 16, part 5): six interview-style questions each
 * person answers at their own pace, one per message through the outbox; their answers, encrypted at rest, are theirs
 * (export, erasure, retention), and reach coaches only as counts and themes that insight releases through the
 * confidentiality policy.
 */
package com.waymark.diagnostic;
