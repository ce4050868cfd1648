package org.ztfclass.plugin.topcat;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.text.JTextComponent;

/**
 * The Swing form of the TOPCAT load dialog: labelled, keyboard-reachable fields for the server
 * URL and API token (initially the {@code ztfclass.server}/{@code ztfclass.token} properties), the
 * predicted class, its minimum probability, label status, label class, a sky cone (RA, Dec,
 * radius) and a row limit. Each field has a visible label tied to it ({@link JLabel#setLabelFor},
 * which also gives it its accessible name), a mnemonic (Alt+letter), an accessible description and
 * a tooltip. {@link #values()} gives the {@link ZtfQuery} keys the user filled in; the form itself
 * checks nothing (that is {@link ZtfQuery}'s job). Lightweight components only, so it can be
 * built with {@code java.awt.headless=true}. Use on the Swing event thread.
 */
final class ZtfQueryForm {

    private static final String ANY = "any";

    private final JPanel panel = new JPanel(new GridBagLayout());
    private final JTextField server = new JTextField(ServerSettings.server(), 28);
    private final JPasswordField token = new JPasswordField(nonNull(ServerSettings.token()), 28);
    /** Query keys to their fields, in display order. */
    private final Map<String, JComponent> fields = new LinkedHashMap<>();
    private int row;

    ZtfQueryForm() {
        add("Server URL", KeyEvent.VK_U, server, "Base URL of the ztfclass server, e.g. http://localhost:7070");
        add("API token", KeyEvent.VK_T, token, "Your API token from the web UI's token page; empty for none");
        field("class", "Predicted class", KeyEvent.VK_P, combo(ANY, "SN_IA", "SN_II", "OTHER"),
                "Only objects the current (serving) model version puts in this class");
        field("minprob", "Minimum probability", KeyEvent.VK_M, new JTextField(6),
                "Lowest model probability of the predicted class, 0 to 1; empty for any");
        field("status", "Label status", KeyEvent.VK_S, combo(ANY, "labelled", "unlabelled"),
                "Only objects with, or without, a human label");
        field("label", "Label class", KeyEvent.VK_L, combo(ANY, "SN_IA", "SN_II", "OTHER"),
                "Only objects whose current human label is this class");
        field("ra", "Cone RA (deg)", KeyEvent.VK_R, new JTextField(8),
                "Sky cone centre, ICRS right ascension in degrees 0 to 360; empty for the whole sky");
        field("dec", "Cone Dec (deg)", KeyEvent.VK_D, new JTextField(8),
                "Sky cone centre, ICRS declination in degrees -90 to 90; empty for the whole sky");
        field("radius", "Cone radius (deg)", KeyEvent.VK_A, new JTextField(8),
                "Sky cone radius in degrees; give RA, Dec and radius together");
        field("limit", "Row limit", KeyEvent.VK_I, new JTextField(8), "Most rows to load; empty for the server's default");
        panel.getAccessibleContext().setAccessibleName("ztfclass object query");
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static JComboBox<String> combo(String... items) {
        return new JComboBox<>(items);
    }

    private void field(String key, String label, int mnemonic, JComponent field, String description) {
        fields.put(key, field);
        add(label, mnemonic, field, description);
    }

    private void add(String text, int mnemonic, JComponent field, String description) {
        JLabel label = new JLabel(text + ":");
        label.setLabelFor(field);
        label.setDisplayedMnemonic(mnemonic);
        field.setToolTipText(description);
        field.getAccessibleContext().setAccessibleName(text);
        field.getAccessibleContext().setAccessibleDescription(description);
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row++;
        c.insets = new Insets(2, 4, 2, 4);
        c.anchor = GridBagConstraints.LINE_END;
        panel.add(label, c);
        c.gridx = 1;
        c.anchor = GridBagConstraints.LINE_START;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        panel.add(field, c);
    }

    /** The form's component. */
    JPanel component() {
        return panel;
    }

    /** The server URL typed in. */
    String server() {
        return server.getText().trim();
    }

    /** The token typed in, or null when empty. */
    String token() {
        String t = new String(token.getPassword()).trim();
        return t.isEmpty() ? null : t;
    }

    /** The query keys filled in ("any" and empty fields left out), in display order. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((key, field) -> {
            String v = field instanceof JComboBox<?> box ? String.valueOf(box.getSelectedItem()) : ((JTextComponent) field).getText();
            if (v != null && !v.isBlank() && !v.equals(ANY)) {
                values.put(key, v.trim());
            }
        });
        return values;
    }

    /** Sets a field as a user would (a query key, or {@code server}/{@code token}); for tests and presets. */
    void set(String key, String value) {
        JComponent field = key.equals("server") ? server : key.equals("token") ? token : fields.get(key);
        if (field == null) {
            throw new IllegalArgumentException("no field " + key);
        }
        if (field instanceof JComboBox<?> box) {
            box.setSelectedItem(value);
        } else {
            ((JTextComponent) field).setText(value);
        }
    }

    /** The field for a key ({@code server}, {@code token} or a query key), for tests. */
    JComponent field(String key) {
        return key.equals("server") ? server : key.equals("token") ? token : fields.get(key);
    }
}
