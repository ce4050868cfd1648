package org.ztfclass.server.tap;

/**
 * The VOSI documents of the TAP service: {@code /tables} (VODataService 1.1 tableset of
 * {@link TapSchema}), {@code /capabilities} (TAPRegExt 1.0 with the ADQL geometry functions and
 * the output limit) and {@code /availability}. Pure functions of the schema and the base URL.
 */
final class VosiDocuments {

    private VosiDocuments() {
    }

    static String tables() {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<vosi:tableset xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\" ")
                .append("xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        for (String schema : new String[] {TapSchema.SCHEMA, TapSchema.TAP_SCHEMA}) {
            schema(b, schema);
        }
        b.append("</vosi:tableset>\n");
        return b.toString();
    }

    private static void schema(StringBuilder b, String schema) {
        b.append("<schema>\n<name>").append(schema).append("</name>\n")
                .append("<description>").append(MetadataDatabase.schemaDescription(schema)).append("</description>\n");
        for (TapTable t : TapSchema.tables()) {
            if (!t.schema().equals(schema)) {
                continue;
            }
            b.append("<table type=\"table\">\n<name>").append(t.qualifiedName()).append("</name>\n");
            b.append("<description>").append(TapVotable.escape(t.description())).append("</description>\n");
            for (TapColumn c : t.columns()) {
                b.append("<column><name>").append(TapVotable.escape(c.listedName())).append("</name><description>")
                        .append(TapVotable.escape(c.description())).append("</description>");
                if (!c.unit().isEmpty()) {
                    b.append("<unit>").append(c.unit()).append("</unit>");
                }
                b.append("<ucd>").append(c.ucd()).append("</ucd>");
                b.append("<dataType xsi:type=\"vs:VOTableType\"").append(c.type() == String.class ? " arraysize=\"*\"" : "")
                        .append('>').append(c.votableType()).append("</dataType>");
                if (TapSchema.isIndexed(t, c)) {
                    b.append("<flag>indexed</flag>");
                }
                b.append("</column>\n");
            }
            for (String[] k : TapSchema.foreignKeys()) {
                if (k[1].equals(t.qualifiedName())) {
                    b.append("<foreignKey><targetTable>").append(k[3]).append("</targetTable><fkColumn><fromColumn>").append(k[2])
                            .append("</fromColumn><targetColumn>").append(k[4]).append("</targetColumn></fkColumn></foreignKey>\n");
                }
            }
            b.append("</table>\n");
        }
        b.append("</schema>\n");
    }

    /** @return the VOSI capabilities; {@code base} is the URL of {@code /tap}, {@code timeoutSeconds} the query time limit */
    static String capabilities(String base, int timeoutSeconds) {
        String u = TapVotable.escape(base);
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\" ")
                .append("xmlns:tr=\"http://www.ivoa.net/xml/TAPRegExt/v1.0\">\n");
        b.append("<capability standardID=\"ivo://ivoa.net/std/TAP\" xsi:type=\"tr:TableAccess\">\n");
        b.append("<interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.1\"><accessURL use=\"base\">")
                .append(u).append("</accessURL></interface>\n");
        b.append("<language><name>ADQL</name><version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.0\">2.0</version>\n")
                .append("<description>A subset: one table, no joins or subqueries; see the project README</description>\n")
                .append("<languageFeatures type=\"ivo://ivoa.net/std/TAPRegExt#features-adqlgeo\">\n");
        for (String f : new String[] {"POINT", "CIRCLE", "CONTAINS", "DISTANCE"}) {
            b.append("<feature><form>").append(f).append("</form></feature>\n");
        }
        b.append("</languageFeatures>\n</language>\n");
        b.append("<outputFormat ivo-id=\"ivo://ivoa.net/std/TAPRegExt#output-votable-td\"><mime>application/x-votable+xml</mime>")
                .append("<alias>votable</alias></outputFormat>\n");
        b.append("<retentionPeriod><default>").append(UwsJobs.RETENTION_SECONDS).append("</default></retentionPeriod>\n");
        b.append("<executionDuration><default>").append(timeoutSeconds).append("</default><hard>")
                .append(timeoutSeconds).append("</hard></executionDuration>\n");
        b.append("<outputLimit><default unit=\"row\">").append(TapQueryRunner.MAX_ROWS).append("</default><hard unit=\"row\">")
                .append(TapQueryRunner.MAX_ROWS).append("</hard></outputLimit>\n");
        b.append("</capability>\n");
        for (String[] v : new String[][] {{"capabilities", "capabilities"}, {"availability", "availability"}, {"tables", "tables"}}) {
            b.append("<capability standardID=\"ivo://ivoa.net/std/VOSI#").append(v[0]).append("\">")
                    .append("<interface xsi:type=\"vs:ParamHTTP\" role=\"std\"><accessURL use=\"full\">").append(u).append('/')
                    .append(v[1]).append("</accessURL></interface></capability>\n");
        }
        b.append("</vosi:capabilities>\n");
        return b.toString();
    }

    static String availability() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<vosi:availability xmlns:vosi=\"http://www.ivoa.net/xml/VOSIAvailability/v1.0\">\n"
                + "<vosi:available>true</vosi:available>\n<vosi:note>ztfclass TAP service is accepting queries</vosi:note>\n"
                + "</vosi:availability>\n";
    }
}
