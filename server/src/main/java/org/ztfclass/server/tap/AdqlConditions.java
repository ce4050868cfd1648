package org.ztfclass.server.tap;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;

/**
 * The WHERE condition of a query, translated to SQLite: {@code AND}, {@code OR}, {@code NOT},
 * parentheses, comparisons, {@code [NOT] BETWEEN}, {@code [NOT] IN (literals)},
 * {@code [NOT] LIKE} (case-sensitive) / {@code ILIKE}, {@code IS [NOT] NULL} and
 * {@code CONTAINS(POINT, CIRCLE) = 1|0} (a declination band the index can use, then the exact
 * test). Values go through {@link AdqlValues}; anything else, subqueries included, is refused.
 * One instance per query; not thread-safe.
 */
final class AdqlConditions {

    private final AdqlValues values;

    AdqlConditions(AdqlValues values) {
        this.values = values;
    }

    /** A condition (boolean expression) of WHERE. */
    String condition(Expression e) throws AdqlException {
        if (e instanceof AndExpression a) {
            return "(" + condition(a.getLeftExpression()) + " AND " + condition(a.getRightExpression()) + ")";
        }
        if (e instanceof OrExpression o) {
            return "(" + condition(o.getLeftExpression()) + " OR " + condition(o.getRightExpression()) + ")";
        }
        if (e instanceof NotExpression n) {
            return "(NOT " + condition(n.getExpression()) + ")";
        }
        if (e instanceof Parenthesis p) {
            return "(" + condition(p.getExpression()) + ")";
        }
        if (e instanceof ExpressionList<?> list && list.size() == 1) {
            return "(" + condition((Expression) list.get(0)) + ")";
        }
        if (e instanceof EqualsTo eq && (isContains(eq.getLeftExpression()) || isContains(eq.getRightExpression()))) {
            return contains(eq);
        }
        if (e instanceof ComparisonOperator c && (c instanceof EqualsTo || c instanceof NotEqualsTo || c instanceof GreaterThan
                || c instanceof GreaterThanEquals || c instanceof MinorThan || c instanceof MinorThanEquals)) {
            SqlFragment l = values.value(c.getLeftExpression());
            SqlFragment r = values.value(c.getRightExpression());
            comparable(l, r, e);
            String op = c instanceof NotEqualsTo ? "<>" : c.getStringExpression();
            return "(" + l.text() + " " + op + " " + r.text() + ")";
        }
        if (e instanceof Between b) {
            SqlFragment v = values.value(b.getLeftExpression());
            SqlFragment lo = values.value(b.getBetweenExpressionStart());
            SqlFragment hi = values.value(b.getBetweenExpressionEnd());
            comparable(v, lo, e);
            comparable(v, hi, e);
            return "(" + v.text() + (b.isNot() ? " NOT" : "") + " BETWEEN " + lo.text() + " AND " + hi.text() + ")";
        }
        if (e instanceof InExpression in) {
            return in(in);
        }
        if (e instanceof LikeExpression like) {
            return like(like);
        }
        if (e instanceof IsNullExpression n) {
            if (n.isUseIsNull() || n.isUseNotNull()) {
                throw new AdqlException("write IS NULL / IS NOT NULL: " + e);
            }
            return "(" + values.value(n.getLeftExpression()).text() + (n.isNot() ? " IS NOT NULL" : " IS NULL") + ")";
        }
        if (e instanceof net.sf.jsqlparser.expression.operators.relational.ExistsExpression
                || e instanceof net.sf.jsqlparser.statement.select.Select) {
            throw new AdqlException("subqueries are not served: " + e);
        }
        throw new AdqlException("condition not served: " + e + " (served: comparisons, BETWEEN, IN, LIKE, IS NULL, "
                + "CONTAINS(POINT, CIRCLE) = 1, combined with AND, OR, NOT)");
    }

    private void comparable(SqlFragment a, SqlFragment b, Expression where) throws AdqlException {
        if (a.numeric() != b.numeric()) {
            throw new AdqlException("cannot compare a " + (a.numeric() ? "number" : "string") + " with a "
                    + (b.numeric() ? "number" : "string") + ": " + where);
        }
    }

    private boolean isContains(Expression e) {
        return e instanceof Function f && AdqlValues.name(f).equals("CONTAINS");
    }

    /** {@code CONTAINS(POINT(...), CIRCLE(...)) = 1|0}: a declination band the index can use, then the exact test. */
    private String contains(EqualsTo eq) throws AdqlException {
        boolean left = isContains(eq.getLeftExpression());
        Function f = (Function) (left ? eq.getLeftExpression() : eq.getRightExpression());
        Expression other = left ? eq.getRightExpression() : eq.getLeftExpression();
        if (!(other instanceof LongValue v) || v.getValue() != 0 && v.getValue() != 1) {
            throw new AdqlException("CONTAINS(…) is compared with 1 (inside) or 0 (outside): " + eq);
        }

        List<Expression> args = values.arguments(f, 2);
        SqlFragment[] p = values.point(args.get(0));
        Function circle = values.function(args.get(1), "CIRCLE");
        List<Expression> c = values.arguments(circle, 4);
        values.frame(c.get(0));
        Double dec0 = values.literal(c.get(2));
        Double r = values.literal(c.get(3));
        String band = "";
        if (dec0 != null && r != null && p[0].column() != null && p[1].column() != null) {
            if (r < 0 || r > 180) {
                throw new AdqlException("CIRCLE radius must be 0..180 degrees: " + r);
            }
            values.bind(dec0 - r);
            values.bind(dec0 + r);
            band = p[1].text() + " BETWEEN ? AND ? AND ";
        }

        SqlFragment ra0 = values.numeric(c.get(1), "CIRCLE centre longitude");
        SqlFragment de0 = values.numeric(c.get(2), "CIRCLE centre latitude");
        SqlFragment radius = values.numeric(c.get(3), "CIRCLE radius");
        String test = "(" + band + SkyFunctions.CONTAINS + "(" + p[0].text() + ", " + p[1].text() + ", " + ra0.text() + ", "
                + de0.text() + ", " + radius.text() + ") = 1)";
        return v.getValue() == 1 ? test : "(NOT " + test + ")";
    }

    private String in(InExpression in) throws AdqlException {
        SqlFragment left = values.value(in.getLeftExpression());
        Expression right = in.getRightExpression();
        if (!(right instanceof ExpressionList<?> list) || list.isEmpty()) {
            throw new AdqlException("IN takes a list of values, not a subquery: " + in);
        }

        List<String> items = new ArrayList<>();
        for (Object o : list) {
            Expression item = (Expression) o;
            if (!(item instanceof StringValue || item instanceof LongValue || item instanceof DoubleValue
                    || item instanceof SignedExpression)) {
                throw new AdqlException("IN (…) takes literal values only: " + item);
            }
            SqlFragment s = values.value(item);
            comparable(left, s, in);
            items.add(s.text());
        }
        return "(" + left.text() + (in.isNot() ? " NOT IN (" : " IN (") + String.join(", ", items) + "))";
    }

    private String like(LikeExpression like) throws AdqlException {
        if (like.getEscape() != null || like.isUseBinary()) {
            throw new AdqlException("LIKE … ESCAPE is not served: " + like);
        }

        String keyword = like.getLikeKeyWord().toString();
        boolean ilike = keyword.equalsIgnoreCase("ILIKE");
        if (!ilike && !keyword.equalsIgnoreCase("LIKE")) {
            throw new AdqlException(keyword + " is not served; use LIKE or ILIKE");
        }

        SqlFragment l = values.value(like.getLeftExpression());
        SqlFragment r = values.value(like.getRightExpression());
        if (l.numeric() || r.numeric()) {
            throw new AdqlException("LIKE compares strings: " + like);
        }

        String lt = ilike ? "lower(" + l.text() + ")" : l.text();
        String rt = ilike ? "lower(" + r.text() + ")" : r.text();
        return "(" + lt + (like.isNot() ? " NOT LIKE " : " LIKE ") + rt + ")";
    }
}
