/** Typed, validated parameters of services, declared once and used by every client. */
package io.custops.core.param;
