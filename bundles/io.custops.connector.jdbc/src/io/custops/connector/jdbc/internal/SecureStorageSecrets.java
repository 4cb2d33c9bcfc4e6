package io.custops.connector.jdbc.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import io.custops.connector.jdbc.JdbcSecrets;

/** The password store as a service, for the command line and the workbench. */
@Component(service = JdbcSecrets.class)
public class SecureStorageSecrets implements JdbcSecrets {

	@Override
	public void store(String key, char[] password) throws IOException {
		SecretStore.store(key, password);
	}

	@Override
	public java.util.Optional<char[]> password(String key) throws IOException {
		return SecretStore.password(key);
	}

	@Override
	public boolean has(String key) throws IOException {
		return SecretStore.password(key).isPresent();
	}

	@Override
	public void remove(String key) throws IOException {
		SecretStore.remove(key);
	}
}
