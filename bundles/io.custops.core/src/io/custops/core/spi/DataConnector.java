package io.custops.core.spi;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

import io.custops.core.data.FactKind;

/**
 * Reads a source (a file, a database, a generator) and hands its rows to the workspace in the
 * canonical fields of a {@link FactKind}. The connector maps and cleans what is specific to
 * its source (column names, encodings, status words); the workspace checks and converts the
 * canonical values, stores the accepted rows in one transaction and keeps the rejected ones.
 *
 * <p>Register an implementation as an OSGi service of this interface (DS component).
 */
@ConsumerType
public interface DataConnector extends CustopsService {

	/** The kinds of facts this connector can read. */
	Set<FactKind> supportedKinds();

	/** Whether {@link ImportRequest#file()} must be given (false for databases and generators). */
	default boolean needsFile() {
		return true;
	}

	/**
	 * Reads the source, calling the sink once per row in source order.
	 *
	 * @throws ConnectorException for a problem with the whole source (unreadable, wrong
	 *                            encoding, a required column missing); nothing is imported then
	 */
	void read(ImportRequest request, RecordSink sink) throws ConnectorException;
}
