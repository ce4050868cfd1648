package org.ztfclass.server.tap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * The value expressions of a query on one table, translated to SQLite: columns (checked against
 * the table's published columns, qualifiers against its name or alias), literals (bound as
 * parameters, collected in text order), signs, arithmetic, parentheses and the geometry of ADQL
 * ({@code POINT}, {@code DISTANCE}). Anything else is refused with an {@link AdqlException}.
 * One instance per query; not thread-safe.
 */
final class AdqlValues {

    /** The alias the SQL gives the queried table. */
    static final String ALIAS = "t";

    private final TapTable table;
    private final String alias;
    private final List<Object> params = new ArrayList<>();

    /**
     * @param table the queried table
     * @param alias its alias in the query, or null
     */
    AdqlValues(TapTable table, String alias) {
        this.table = table;
        this.alias = alias;
    }

    /** @return the queried table */
    TapTable table() {
        return table;
    }

    /** @return the values bound so far, in the order of their markers */
    List<Object> params() {
        return params;
    }

    /** Binds {@code v} to the next {@code ?} marker of the SQL text. */
    void bind(Object v) {
        params.add(v);
    }

    boolean isAggregate(Expression e) {
        return e instanceof Function f && List.of("COUNT", "MIN", "MAX", "AVG", "SUM").contains(name(f));
    }

    SqlFragment distance(Function f) throws AdqlException {
        List<Expression> args = arguments(f, 2);
        SqlFragment[] p1 = point(args.get(0));
        SqlFragment[] p2 = point(args.get(1));
        return new SqlFragment(SkyFunctions.DISTANCE + "(" + p1[0].text() + ", " + p1[1].text() + ", " + p2[0].text() + ", "
                + p2[1].text() + ")", Double.class, new TapColumn("distance", "", Double.class, "deg", "pos.angDistance",
                "Angular distance between the two points"));
    }

    /** {@code POINT('ICRS', lon, lat)}: the two coordinate expressions. */
    SqlFragment[] point(Expression e) throws AdqlException {
        Function f = function(e, "POINT");
        List<Expression> args = arguments(f, 3);
        frame(args.get(0));
        return new SqlFragment[] {numeric(args.get(1), "POINT longitude"), numeric(args.get(2), "POINT latitude")};
    }

    void frame(Expression e) throws AdqlException {
        if (!(e instanceof StringValue s) || !(s.getValue().isEmpty() || s.getValue().equalsIgnoreCase("ICRS"))) {
            throw new AdqlException("only the ICRS coordinate system is served (write 'ICRS'); got " + e);
        }
    }

    SqlFragment numeric(Expression e, String what) throws AdqlException {
        SqlFragment s = value(e);
        if (!s.numeric()) {
            throw new AdqlException(what + " must be a number or a numeric column: " + e);
        }
        return s;
    }

    Function function(Expression e, String name) throws AdqlException {
        if (e instanceof Function f && name(f).equals(name)) {
            return f;
        }
        throw new AdqlException("expected " + name + "(…) here: " + e);
    }

    List<Expression> arguments(Function f, int n) throws AdqlException {
        if (f.isDistinct() && !isAggregate(f) || f.isAllColumns() || f.getNamedParameters() != null || f.getKeep() != null
                || f.getAttribute() != null || f.getOrderByElements() != null) {
            throw new AdqlException("unsupported form of " + f.getName() + ": " + f);
        }
        ExpressionList<?> p = f.getParameters();
        int got = p == null ? 0 : p.size();
        if (got != n) {
            throw new AdqlException(f.getName() + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", got " + got + ": " + f);
        }

        List<Expression> out = new ArrayList<>();
        for (Object o : p) {
            out.add((Expression) o);
        }
        return out;
    }

    /** A value: column, literal, signed or arithmetic expression of them. */
    SqlFragment value(Expression e) throws AdqlException {
        if (e instanceof Column c) {
            return columnSql(resolve(c));
        }
        if (e instanceof LongValue v) {
            params.add(v.getValue());
            return new SqlFragment("?", Long.class, null);
        }
        if (e instanceof DoubleValue v) {
            params.add(v.getValue());
            return new SqlFragment("?", Double.class, null);
        }
        if (e instanceof StringValue v) {
            if (v.getPrefix() != null) {
                throw new AdqlException("prefixed string literals are not ADQL: " + v);
            }
            params.add(v.getNotExcapedValue());
            return new SqlFragment("?", String.class, null);
        }
        if (e instanceof SignedExpression s) {
            SqlFragment inner = numeric(s.getExpression(), "a signed value");
            return new SqlFragment("(" + (s.getSign() == '-' ? "-" : "+") + inner.text() + ")", inner.type(), null);
        }
        if (e instanceof Parenthesis p) {
            SqlFragment inner = value(p.getExpression());
            return new SqlFragment("(" + inner.text() + ")", inner.type(), inner.column());
        }
        if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication || e instanceof Division) {
            net.sf.jsqlparser.expression.BinaryExpression b = (net.sf.jsqlparser.expression.BinaryExpression) e;
            SqlFragment l = numeric(b.getLeftExpression(), "arithmetic operand");
            SqlFragment r = numeric(b.getRightExpression(), "arithmetic operand");
            String op = e instanceof Addition ? "+" : e instanceof Subtraction ? "-" : e instanceof Multiplication ? "*" : "/";
            boolean real = e instanceof Division || l.type() == Double.class || r.type() == Double.class;
            // Division is real division in ADQL; SQLite divides integers as integers unless told.
            String left = e instanceof Division ? "CAST(" + l.text() + " AS REAL)" : l.text();
            return new SqlFragment("(" + left + " " + op + " " + r.text() + ")", real ? Double.class : Long.class, null);
        }
        if (e instanceof Function f) {
            String n = name(f);
            if (n.equals("DISTANCE")) {
                return distance(f);
            }
            if (isAggregate(f)) {
                throw new AdqlException("aggregate " + n + " is served in the SELECT list only: " + f);
            }
            throw new AdqlException("function " + f.getName() + " is not served; the functions are CONTAINS, POINT, "
                    + "CIRCLE, DISTANCE, COUNT, MIN, MAX, AVG, SUM");
        }
        if (e instanceof net.sf.jsqlparser.statement.select.Select) {
            throw new AdqlException("subqueries are not served: " + e);
        }
        throw new AdqlException("expression not served here: " + e + " (" + e.getClass().getSimpleName() + ")");
    }

    SqlFragment columnSql(TapColumn c) {
        return new SqlFragment(ALIAS + ".\"" + c.sqlName() + "\"", c.type(), c);
    }

    TapColumn resolve(Column c) throws AdqlException {
        if (c.getTable() != null && c.getTable().getName() != null) {
            qualifier(c.getTable());
        }

        String raw = c.getColumnName();
        return table.column(unquote(raw), isQuoted(raw)).orElseThrow(() -> new AdqlException("column " + c
                + " is not in " + table.qualifiedName() + "; its columns are " + table.columnNames()));
    }

    /** A column's or {@code alias.*}'s table qualifier must name the queried table. */
    void qualifier(Table q) throws AdqlException {
        String name = unquote(q.getName());
        String schema = q.getSchemaName() == null ? null : unquote(q.getSchemaName());
        boolean ok;
        if (alias != null) {
            ok = schema == null && name.equalsIgnoreCase(alias);
        } else {
            ok = name.equalsIgnoreCase(table.name()) && (schema == null || schema.equalsIgnoreCase(table.schema()));
        }
        if (!ok) {
            throw new AdqlException("'" + q + "' does not name the queried table " + table.qualifiedName()
                    + (alias == null ? "" : " (alias " + alias + ")"));
        }
    }

    /** @return the value of a numeric literal (signs allowed), else null */
    Double literal(Expression e) {
        if (e instanceof LongValue v) {
            return (double) v.getValue();
        }
        if (e instanceof DoubleValue v) {
            return v.getValue();
        }
        if (e instanceof SignedExpression s) {
            Double inner = literal(s.getExpression());
            return inner == null ? null : s.getSign() == '-' ? -inner : inner;
        }
        return null;
    }

    static String name(Function f) {
        return f.getName() == null ? "" : unquote(f.getName()).toUpperCase(Locale.ROOT);
    }

    static boolean isQuoted(String identifier) {
        return identifier != null && identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"");
    }

    static String unquote(String identifier) {
        if (isQuoted(identifier)) {
            return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        }
        return identifier;
    }
}
