package io.custops.ui.internal.session;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The analyst's preferences, kept with the Eclipse preferences of the instance (the
 * workbench's {@code -data} area, {@code ~/.custops/workbench}). The analysis defaults are
 * offered to any strategy or model that declares a parameter of the same key, so a plugin's
 * model with a {@code dormantDays} parameter gets the analyst's window too.
 */
public final class UiPreferences {

	public static final String NODE = "io.custops.ui";

	public static final String DORMANT_DAYS = "dormantDays";
	public static final String FAN_ORDERS = "fanOrders";
	public static final String TIER_LADDER = "levels";
	public static final String TIME_ZONE = "timeZone";
	public static final String MASKED_FIELDS = "maskedFields";
	/** The model of the Lifecycle part's churn warning list, when installed. */
	public static final String CHURN_MODEL = "churnModel";

	public static final String DEFAULT_DORMANT_DAYS = "180";
	public static final String DEFAULT_FAN_ORDERS = "5";
	public static final String DEFAULT_TIER_LADDER = "regular:0,senior:100,vip:300,supreme:1000";
	/** MBG/NBD: unlike BG/NBD it lets a one-time buyer be gone (docs/analyses.md, "Customer-base models"). */
	public static final String DEFAULT_CHURN_MODEL = "mbgnbd";
	/** The one list of personal attributes (name, phone, birthday, address, email, wechat, …). */
	public static final String DEFAULT_MASKED_FIELDS = String.join(",", io.custops.core.Masking.PERSONAL_FIELDS);

	private final IEclipsePreferences node;

	public UiPreferences() {
		this(InstanceScope.INSTANCE.getNode(NODE));
	}

	public UiPreferences(IEclipsePreferences node) {
		this.node = node;
	}

	public String dormantDays() {
		return node.get(DORMANT_DAYS, DEFAULT_DORMANT_DAYS);
	}

	public String fanOrders() {
		return node.get(FAN_ORDERS, DEFAULT_FAN_ORDERS);
	}

	public String tierLadder() {
		return node.get(TIER_LADDER, DEFAULT_TIER_LADDER);
	}

	/** The id of the model the churn warning list runs first (the analyst may choose another in the part). */
	public String churnModel() {
		return node.get(CHURN_MODEL, DEFAULT_CHURN_MODEL);
	}

	/** The time zone new workspaces are created in. */
	public ZoneId timeZone() {
		try {
			return ZoneId.of(node.get(TIME_ZONE, ZoneId.systemDefault().getId()));
		} catch (RuntimeException e) {
			return ZoneId.systemDefault();
		}
	}

	/**
	 * The attributes masked as personal data; those of {@link io.custops.core.Masking#PERSONAL_FIELDS}
	 * are masked whatever this list says (there is no switch that shows personal data unrecorded).
	 */
	public List<String> maskedFields() {
		return List.of(node.get(MASKED_FIELDS, DEFAULT_MASKED_FIELDS).split("\\s*,\\s*"));
	}

	/**
	 * Whether an attribute holds personal data: one of the user's masked fields, or of the
	 * workbench's own list ({@link io.custops.core.Masking#PERSONAL_FIELDS}), whatever the user's list.
	 */
	public boolean isPersonal(String attribute) {
		return maskedFields().contains(attribute) || io.custops.core.Masking.personal(attribute);
	}

	/** Defaults for analysis parameters of these keys, whichever service declares them. */
	public Map<String, String> parameterDefaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put(DORMANT_DAYS, dormantDays());
		defaults.put(FAN_ORDERS, fanOrders());
		defaults.put(TIER_LADDER, tierLadder());
		return defaults;
	}

	public void put(String key, String value) {
		if (value == null) {
			node.remove(key);
		} else {
			node.put(key, value);
		}
	}

	public void flush() {
		try {
			node.flush();
		} catch (BackingStoreException e) {
			throw new IllegalStateException("cannot save the preferences: " + e.getMessage(), e);
		}
	}
}
