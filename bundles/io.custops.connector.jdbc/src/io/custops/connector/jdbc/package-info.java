/** The jdbc connector's API: its password store. */
package io.custops.connector.jdbc;
