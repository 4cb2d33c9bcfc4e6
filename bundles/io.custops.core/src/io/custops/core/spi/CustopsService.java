package io.custops.core.spi;

import java.util.List;

import io.custops.core.LocalizedText;
import io.custops.core.param.ParameterSpec;

/**
 * What every CustOps service says of itself, so that the command line, the workbench and the
 * scheduler can list it, show its parameters and run it without knowing it.
 */
public interface CustopsService {

	/** A stable id, unique within the service's kind: {@code rfm}, {@code csv}. Used on the command line. */
	String id();

	LocalizedText name();

	default LocalizedText description() {
		return LocalizedText.of("");
	}

	/** The parameters the service accepts, with types, defaults and labels. */
	default List<ParameterSpec> parameters() {
		return List.of();
	}
}
