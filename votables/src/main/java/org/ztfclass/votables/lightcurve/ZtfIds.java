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

    /**
     * @return the ZTF id a file name starts with, before the first {@code _} or {@code .}
     *         ({@code ZTF20aalxlis_SN2020bvc_marshal_lc.txt} → {@code ZTF20aalxlis}), or null
     */
    public static String fromFileNamePrefix(String source) {
        String name = Path.of(source).getFileName().toString();
        int end = name.length();
        for (char c : new char[] {'_', '.'}) {
            int i = name.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String stem = name.substring(0, end);
        return isValid(stem) ? stem : null;
    }
}
