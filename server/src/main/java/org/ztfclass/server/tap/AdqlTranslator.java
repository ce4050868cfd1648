package org.ztfclass.server.tap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
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
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Top;
import uk.ac.starlink.table.ColumnInfo;

/**
 * Translates the ADQL subset served at {@code /tap} into parameterised SQLite SQL. The query is
 * parsed by JSqlParser into a syntax tree, and the tree is walked: every table and column name is
 * checked against {@link TapSchema}, every literal becomes a bound parameter, and anything not
 * listed here is refused with an {@link AdqlException} naming it. The SQL text is built only from
 * schema names, operators and {@code ?} markers, never from the query's own text.
 *
 * <p>Served: {@code SELECT [DISTINCT] [TOP n] items FROM one published table [[AS] alias]
 * [WHERE condition] [GROUP BY columns] [ORDER BY items [ASC|DESC]]}. Items are {@code *},
 * {@code alias.*}, columns, arithmetic ({@code + - * /}) on columns and numbers, {@code DISTANCE(POINT,
 * POINT)} and the aggregates {@code COUNT(*)}, {@code COUNT}, {@code MIN}, {@code MAX},
 * {@code AVG}, {@code SUM}, each with an optional {@code AS name}. Conditions combine
 * {@code AND}, {@code OR}, {@code NOT} and parentheses over comparisons ({@code = <> != < <= > >=}),
 * {@code [NOT] BETWEEN}, {@code [NOT] IN (literals)}, {@code [NOT] LIKE}/{@code ILIKE}
 * (LIKE case-sensitive as ADQL says), {@code IS [NOT] NULL} and
 * {@code CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', ra0, dec0, r)) = 1} (or {@code = 0}).
 * Refused: joins, subqueries, set operations (UNION …), WITH, HAVING, LIMIT/OFFSET, other
 * functions and tables. Stateless and thread-safe.
 */
public final class AdqlTranslator {

    private static final String ALIAS = "t";

    /**
     * @param adql the query text
     * @return the SQL with its parameters and output columns
     * @throws AdqlException if the query is not ADQL or not inside the subset served
     */
    public SqlQuery translate(String adql) throws AdqlException {
        if (adql == null || adql.isBlank()) {
            throw new AdqlException("QUERY is empty: give an ADQL SELECT statement");
        }
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(adql);
        } catch (JSQLParserException e) {
            throw new AdqlException("cannot parse the ADQL query: " + firstLine(e));
        }
        if (!(statement instanceof PlainSelect select)) {
            throw new AdqlException("only a single SELECT statement is served (no UNION/INTERSECT/EXCEPT, WITH, "
                    + "parenthesised selects or other statements); got: " + kind(statement));
        }
        return new Walk(select).sql();
    }

    private static String kind(Statement s) {
        String name = s.getClass().getSimpleName();
        return name.equals("SetOperationList") ? "a set operation (UNION, INTERSECT or EXCEPT)" : name;
    }

    private static String firstLine(Exception e) {
        String m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
        m = m.replace("net.sf.jsqlparser.parser.ParseException: ", "");
        return m.lines().limit(2).map(String::trim).reduce((a, b) -> a + " " + b).orElse(m);
    }

    /** A translated expression: SQL text, its value class, and column metadata when it is a plain column. */
    private record Sql(String text, Class<?> type, TapColumn column) {
        boolean numeric() {
            return type != String.class;
        }
    }

    /** One query's translation state: the table, its alias, the parameters collected in text order. */
    private static final class Walk {
        private final PlainSelect select;
        private final List<Object> params = new ArrayList<>();
        private TapTable table;
        private String alias;
        private boolean aggregates;

        Walk(PlainSelect select) {
            this.select = select;
        }

        SqlQuery sql() throws AdqlException {
            checkOnlyServedClauses();
            table = fromTable(select.getFromItem());
            long top = top(select.getTop());
            StringBuilder sql = new StringBuilder("SELECT ");
            if (select.getDistinct() != null) {
                if (select.getDistinct().getOnSelectItems() != null || !"DISTINCT".equalsIgnoreCase(select.getDistinct().toString().trim())) {
                    throw new AdqlException("only plain SELECT DISTINCT is served");
                }
                sql.append("DISTINCT ");
            }
            List<ColumnInfo> columns = new ArrayList<>();
            List<String> outputNames = new ArrayList<>();
            List<String> outputSql = new ArrayList<>();
            List<Sql> plainItems = new ArrayList<>();
            for (SelectItem<?> item : select.getSelectItems()) {
                Expression e = item.getExpression();
                if (e instanceof AllTableColumns all) {
                    qualifier(all.getTable());
                    star(columns, outputNames, outputSql, plainItems);
                } else if (e instanceof AllColumns) {
                    star(columns, outputNames, outputSql, plainItems);
                } else {
                    Sql s = selectExpression(e);
                    String name = outputName(item.getAlias(), e, s, columns.size());
                    columns.add(info(name, s));
                    outputNames.add(name);
                    outputSql.add(s.text());
                    if (!isAggregate(e)) {
                        plainItems.add(s);
                    }
                }
            }
            sql.append(String.join(", ", outputSql));
            sql.append(" FROM \"").append(table.sqlTable()).append("\" AS ").append(ALIAS);
            if (select.getWhere() != null) {
                sql.append(" WHERE ").append(condition(select.getWhere()));
            }
            groupBy(select.getGroupBy(), plainItems, sql);
            orderBy(select.getOrderByElements(), outputNames, outputSql, sql);
            if (top >= 0) {
                sql.append(" LIMIT ").append(top);
            }
            return new SqlQuery(table, sql.toString(), params, columns, top);
        }

        /** Everything the parser accepts beyond the served clauses is refused, by rebuilding the query from them. */
        private void checkOnlyServedClauses() throws AdqlException {
            if (select.getJoins() != null && !select.getJoins().isEmpty()) {
                throw new AdqlException("joins are not served: query one table of " + TapSchema.tableNames());
            }
            if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
                throw new AdqlException("WITH is not served");
            }
            if (select.getHaving() != null) {
                throw new AdqlException("HAVING is not served");
            }
            if (select.getLimit() != null || select.getOffset() != null || select.getFetch() != null) {
                throw new AdqlException("LIMIT/OFFSET/FETCH are not ADQL 2.0: use SELECT TOP n (and MAXREC)");
            }
            PlainSelect rebuilt = new PlainSelect();
            rebuilt.setTop(select.getTop());
            rebuilt.setDistinct(select.getDistinct());
            rebuilt.setSelectItems(select.getSelectItems());
            rebuilt.setFromItem(select.getFromItem());
            rebuilt.setWhere(select.getWhere());
            rebuilt.setGroupByElement(select.getGroupBy());
            rebuilt.setOrderByElements(select.getOrderByElements());
            if (!rebuilt.toString().equals(select.toString())) {
                throw new AdqlException("the query uses a clause outside the ADQL subset served (SELECT [DISTINCT] [TOP n] … "
                        + "FROM table WHERE … GROUP BY … ORDER BY …): " + select);
            }
        }

        private TapTable fromTable(FromItem from) throws AdqlException {
            if (!(from instanceof Table t)) {
                throw new AdqlException("FROM must name one table of " + TapSchema.tableNames() + " (no subqueries); got: " + from);
            }
            if (t.getPivot() != null || t.getUnPivot() != null || t.getSampleClause() != null || t.getIndexHint() != null
                    || t.getSqlServerHints() != null || t.getDatabase() != null && t.getDatabase().getDatabaseName() != null) {
                throw new AdqlException("FROM " + t + ": only schema.table [AS alias] is served");
            }
            String schema = t.getSchemaName();
            boolean quoted = isQuoted(t.getName()) || isQuoted(schema);
            TapTable found = TapSchema.table(schema == null ? null : unquote(schema), unquote(t.getName()), quoted)
                    .orElseThrow(() -> new AdqlException("table " + t.getFullyQualifiedName() + " is not published; the tables are "
                            + TapSchema.tableNames()));
            Alias a = t.getAlias();
            if (a != null) {
                if (a.getAliasColumns() != null && !a.getAliasColumns().isEmpty()) {
                    throw new AdqlException("column aliases on a table are not served: " + a);
                }
                alias = unquote(a.getName());
            }
            return found;
        }

        private long top(Top top) throws AdqlException {
            if (top == null) {
                return -1;
            }
            if (top.isPercentage() || top.isWithTies() || !(top.getExpression() instanceof LongValue n) || n.getValue() < 0) {
                throw new AdqlException("TOP takes a non-negative whole number: " + top);
            }
            return n.getValue();
        }

        private void star(List<ColumnInfo> columns, List<String> names, List<String> sqls, List<Sql> plain) {
            for (TapColumn c : table.columns()) {
                Sql s = columnSql(c);
                columns.add(c.info(c.name()));
                names.add(c.name());
                sqls.add(s.text());
                plain.add(s);
            }
        }

        private String outputName(Alias alias, Expression e, Sql s, int index) throws AdqlException {
            if (alias != null) {
                if (alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
                    throw new AdqlException("column-list aliases are not served: " + alias);
                }
                return unquote(alias.getName());
            }
            if (e instanceof Function f) {
                return f.getName().toLowerCase(Locale.ROOT);
            }
            if (s.column() != null) {
                return s.column().name();
            }
            return "col" + (index + 1);
        }

        private ColumnInfo info(String name, Sql s) {
            if (s.column() != null) {
                return s.column().info(name);
            }
            ColumnInfo info = new ColumnInfo(name, s.type(), null);
            info.setNullable(true);
            return info;
        }

        private Sql selectExpression(Expression e) throws AdqlException {
            if (e instanceof Function f && isAggregate(f)) {
                aggregates = true;
                return aggregate(f);
            }
            if (e instanceof Function f && name(f).equals("DISTANCE")) {
                return distance(f);
            }
            return value(e);
        }

        private boolean isAggregate(Expression e) {
            return e instanceof Function f && List.of("COUNT", "MIN", "MAX", "AVG", "SUM").contains(name(f));
        }

        private Sql aggregate(Function f) throws AdqlException {
            String fn = name(f);
            if (f.isAllColumns() || f.getParameters() != null && f.getParameters().size() == 1
                    && f.getParameters().get(0) instanceof AllColumns) {
                if (!fn.equals("COUNT")) {
                    throw new AdqlException(fn + "(*) is not valid; only COUNT(*)");
                }
                return new Sql("COUNT(*)", Long.class, null);
            }
            List<Expression> args = arguments(f, 1);
            Sql arg = value(args.get(0));
            if (!fn.equals("COUNT") && !fn.equals("MIN") && !fn.equals("MAX") && !arg.numeric()) {
                throw new AdqlException(fn + " needs a numeric argument: " + args.get(0));
            }
            String text = fn + "(" + (f.isDistinct() ? "DISTINCT " : "") + arg.text() + ")";
            Class<?> type = switch (fn) {
                case "COUNT" -> Long.class;
                case "AVG" -> Double.class;
                case "SUM" -> arg.type() == Double.class ? Double.class : Long.class;
                default -> arg.type();
            };
            return new Sql(text, type, fn.equals("MIN") || fn.equals("MAX") ? arg.column() : null);
        }

        private Sql distance(Function f) throws AdqlException {
            List<Expression> args = arguments(f, 2);
            Sql[] p1 = point(args.get(0));
            Sql[] p2 = point(args.get(1));
            return new Sql(SkyFunctions.DISTANCE + "(" + p1[0].text() + ", " + p1[1].text() + ", " + p2[0].text() + ", "
                    + p2[1].text() + ")", Double.class, new TapColumn("distance", "", Double.class, "deg", "pos.angDistance",
                    "Angular distance between the two points"));
        }

        /** {@code POINT('ICRS', lon, lat)}: the two coordinate expressions. */
        private Sql[] point(Expression e) throws AdqlException {
            Function f = function(e, "POINT");
            List<Expression> args = arguments(f, 3);
            frame(args.get(0));
            return new Sql[] {numeric(args.get(1), "POINT longitude"), numeric(args.get(2), "POINT latitude")};
        }

        private void frame(Expression e) throws AdqlException {
            if (!(e instanceof StringValue s) || !(s.getValue().isEmpty() || s.getValue().equalsIgnoreCase("ICRS"))) {
                throw new AdqlException("only the ICRS coordinate system is served (write 'ICRS'); got " + e);
            }
        }

        private Sql numeric(Expression e, String what) throws AdqlException {
            Sql s = value(e);
            if (!s.numeric()) {
                throw new AdqlException(what + " must be a number or a numeric column: " + e);
            }
            return s;
        }

        private Function function(Expression e, String name) throws AdqlException {
            if (e instanceof Function f && name(f).equals(name)) {
                return f;
            }
            throw new AdqlException("expected " + name + "(…) here: " + e);
        }

        private List<Expression> arguments(Function f, int n) throws AdqlException {
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
        private Sql value(Expression e) throws AdqlException {
            if (e instanceof Column c) {
                return columnSql(resolve(c));
            }
            if (e instanceof LongValue v) {
                params.add(v.getValue());
                return new Sql("?", Long.class, null);
            }
            if (e instanceof DoubleValue v) {
                params.add(v.getValue());
                return new Sql("?", Double.class, null);
            }
            if (e instanceof StringValue v) {
                if (v.getPrefix() != null) {
                    throw new AdqlException("prefixed string literals are not ADQL: " + v);
                }
                params.add(v.getNotExcapedValue());
                return new Sql("?", String.class, null);
            }
            if (e instanceof SignedExpression s) {
                Sql inner = numeric(s.getExpression(), "a signed value");
                return new Sql("(" + (s.getSign() == '-' ? "-" : "+") + inner.text() + ")", inner.type(), null);
            }
            if (e instanceof Parenthesis p) {
                Sql inner = value(p.getExpression());
                return new Sql("(" + inner.text() + ")", inner.type(), inner.column());
            }
            if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication || e instanceof Division) {
                net.sf.jsqlparser.expression.BinaryExpression b = (net.sf.jsqlparser.expression.BinaryExpression) e;
                Sql l = numeric(b.getLeftExpression(), "arithmetic operand");
                Sql r = numeric(b.getRightExpression(), "arithmetic operand");
                String op = e instanceof Addition ? "+" : e instanceof Subtraction ? "-" : e instanceof Multiplication ? "*" : "/";
                boolean real = e instanceof Division || l.type() == Double.class || r.type() == Double.class;
                // Division is real division in ADQL; SQLite divides integers as integers unless told.
                String left = e instanceof Division ? "CAST(" + l.text() + " AS REAL)" : l.text();
                return new Sql("(" + left + " " + op + " " + r.text() + ")", real ? Double.class : Long.class, null);
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

        private Sql columnSql(TapColumn c) {
            return new Sql(ALIAS + ".\"" + c.sqlName() + "\"", c.type(), c);
        }

        private TapColumn resolve(Column c) throws AdqlException {
            if (c.getTable() != null && c.getTable().getName() != null) {
                qualifier(c.getTable());
            }
            String raw = c.getColumnName();
            return table.column(unquote(raw), isQuoted(raw)).orElseThrow(() -> new AdqlException("column " + c
                    + " is not in " + table.qualifiedName() + "; its columns are " + table.columnNames()));
        }

        /** A column's or {@code alias.*}'s table qualifier must name the queried table. */
        private void qualifier(Table q) throws AdqlException {
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

        /** A condition (boolean expression) of WHERE. */
        private String condition(Expression e) throws AdqlException {
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
                Sql l = value(c.getLeftExpression());
                Sql r = value(c.getRightExpression());
                comparable(l, r, e);
                String op = c instanceof NotEqualsTo ? "<>" : c.getStringExpression();
                return "(" + l.text() + " " + op + " " + r.text() + ")";
            }
            if (e instanceof Between b) {
                Sql v = value(b.getLeftExpression());
                Sql lo = value(b.getBetweenExpressionStart());
                Sql hi = value(b.getBetweenExpressionEnd());
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
                return "(" + value(n.getLeftExpression()).text() + (n.isNot() ? " IS NOT NULL" : " IS NULL") + ")";
            }
            if (e instanceof net.sf.jsqlparser.expression.operators.relational.ExistsExpression
                    || e instanceof net.sf.jsqlparser.statement.select.Select) {
                throw new AdqlException("subqueries are not served: " + e);
            }
            throw new AdqlException("condition not served: " + e + " (served: comparisons, BETWEEN, IN, LIKE, IS NULL, "
                    + "CONTAINS(POINT, CIRCLE) = 1, combined with AND, OR, NOT)");
        }

        private void comparable(Sql a, Sql b, Expression where) throws AdqlException {
            if (a.numeric() != b.numeric()) {
                throw new AdqlException("cannot compare a " + (a.numeric() ? "number" : "string") + " with a "
                        + (b.numeric() ? "number" : "string") + ": " + where);
            }
        }

        private boolean isContains(Expression e) {
            return e instanceof Function f && name(f).equals("CONTAINS");
        }

        /** {@code CONTAINS(POINT(...), CIRCLE(...)) = 1|0}: a declination band the index can use, then the exact test. */
        private String contains(EqualsTo eq) throws AdqlException {
            boolean left = isContains(eq.getLeftExpression());
            Function f = (Function) (left ? eq.getLeftExpression() : eq.getRightExpression());
            Expression other = left ? eq.getRightExpression() : eq.getLeftExpression();
            if (!(other instanceof LongValue v) || v.getValue() != 0 && v.getValue() != 1) {
                throw new AdqlException("CONTAINS(…) is compared with 1 (inside) or 0 (outside): " + eq);
            }
            List<Expression> args = arguments(f, 2);
            Sql[] p = point(args.get(0));
            Function circle = function(args.get(1), "CIRCLE");
            List<Expression> c = arguments(circle, 4);
            frame(c.get(0));
            Double dec0 = literal(c.get(2));
            Double r = literal(c.get(3));
            String band = "";
            if (dec0 != null && r != null && p[0].column() != null && p[1].column() != null) {
                if (r < 0 || r > 180) {
                    throw new AdqlException("CIRCLE radius must be 0..180 degrees: " + r);
                }
                params.add(dec0 - r);
                params.add(dec0 + r);
                band = p[1].text() + " BETWEEN ? AND ? AND ";
            }
            Sql ra0 = numeric(c.get(1), "CIRCLE centre longitude");
            Sql de0 = numeric(c.get(2), "CIRCLE centre latitude");
            Sql radius = numeric(c.get(3), "CIRCLE radius");
            String test = "(" + band + SkyFunctions.CONTAINS + "(" + p[0].text() + ", " + p[1].text() + ", " + ra0.text() + ", "
                    + de0.text() + ", " + radius.text() + ") = 1)";
            return v.getValue() == 1 ? test : "(NOT " + test + ")";
        }

        /** @return the value of a numeric literal (signs allowed), else null */
        private Double literal(Expression e) {
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

        private String in(InExpression in) throws AdqlException {
            Sql left = value(in.getLeftExpression());
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
                Sql s = value(item);
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
            Sql l = value(like.getLeftExpression());
            Sql r = value(like.getRightExpression());
            if (l.numeric() || r.numeric()) {
                throw new AdqlException("LIKE compares strings: " + like);
            }
            String lt = ilike ? "lower(" + l.text() + ")" : l.text();
            String rt = ilike ? "lower(" + r.text() + ")" : r.text();
            return "(" + lt + (like.isNot() ? " NOT LIKE " : " LIKE ") + rt + ")";
        }

        private void groupBy(GroupByElement group, List<Sql> plainItems, StringBuilder sql) throws AdqlException {
            if (group == null) {
                if (aggregates && !plainItems.isEmpty()) {
                    throw new AdqlException("columns beside an aggregate need GROUP BY them: " + plainItems.get(0).text());
                }
                return;
            }
            if (group.getGroupingSets() != null && !group.getGroupingSets().isEmpty()) {
                throw new AdqlException("GROUPING SETS are not served");
            }
            List<String> keys = new ArrayList<>();
            for (Object o : group.getGroupByExpressionList()) {
                if (!(o instanceof Column c)) {
                    throw new AdqlException("GROUP BY takes columns: " + o);
                }
                keys.add(columnSql(resolve(c)).text());
            }
            for (Sql s : plainItems) {
                if (!keys.contains(s.text())) {
                    throw new AdqlException("selected " + (s.column() == null ? s.text() : s.column().name())
                            + " is neither grouped nor aggregated");
                }
            }
            sql.append(" GROUP BY ").append(String.join(", ", keys));
        }

        private void orderBy(List<OrderByElement> order, List<String> names, List<String> sqls, StringBuilder sql)
                throws AdqlException {
            if (order == null || order.isEmpty()) {
                return;
            }
            List<String> keys = new ArrayList<>();
            for (OrderByElement o : order) {
                if (o.getNullOrdering() != null || o.isMysqlWithRollup()) {
                    throw new AdqlException("NULLS FIRST/LAST is not served: " + o);
                }
                keys.add(orderKey(o.getExpression(), names, sqls) + (o.isAsc() ? " ASC" : " DESC"));
            }
            sql.append(" ORDER BY ").append(String.join(", ", keys));
        }

        private String orderKey(Expression e, List<String> names, List<String> sqls) throws AdqlException {
            if (e instanceof LongValue n) {
                if (n.getValue() < 1 || n.getValue() > sqls.size()) {
                    throw new AdqlException("ORDER BY " + n.getValue() + ": there are " + sqls.size() + " selected columns");
                }
                return sqls.get((int) n.getValue() - 1);
            }
            if (e instanceof Column c && (c.getTable() == null || c.getTable().getName() == null)) {
                String n = unquote(c.getColumnName());
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).equalsIgnoreCase(n) && table.column(n, false).isEmpty()) {
                        return sqls.get(i);
                    }
                }
            }
            return value(e).text();
        }
    }

    private static String name(Function f) {
        return f.getName() == null ? "" : unquote(f.getName()).toUpperCase(Locale.ROOT);
    }

    private static boolean isQuoted(String identifier) {
        return identifier != null && identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"");
    }

    private static String unquote(String identifier) {
        if (isQuoted(identifier)) {
            return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        }
        return identifier;
    }
}
