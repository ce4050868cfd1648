package org.ztfclass.votables.lightcurve;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** ZTF object identifiers: {@code ZTF} + two-digit year + seven lower-case letters. */
public final class ZtfIds {

    private static final Pattern ID = Pattern.compile("ZTF\\d{2}[a-z]{7}");

    private ZtfIds() {
    }

    /** @return true if {@code text} is a well-formed ZTF object id */
    public static boolean isValid(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** @return the ZTF id a file is named after ({@code ZTF18abcdefg.csv} → {@code ZTF18abcdefg}), or null */
    public static String fromFileName(String source) {
        String name = Path.of(source).getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        return isValid(stem) ? stem : null;
    }
}
