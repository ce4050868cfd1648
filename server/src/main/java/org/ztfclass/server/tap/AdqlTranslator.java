package org.ztfclass.server.tap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
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

    /**
     * @param adql the query text
     * @return the SQL with its parameters and output columns
     * @throws AdqlException if the query is not ADQL or not inside the subset served
     */
    public SqlQuery translate(String adql) throws AdqlException {
        if (adql == null || adql.isBlank()) {
            throw new AdqlException("QUERY is empty: give an ADQL SELECT statement");
        }
        AdqlLimits.check(adql); // length, nesting and chain limits, before the parser sees it
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
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StackOverflowError || String.valueOf(t.getMessage()).contains("StackOverflowError")) {
                return "the query is nested too deeply to parse"; // never the parser's exception text
            }
        }
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
        private TapTable table;
        private String alias;
        private boolean aggregates;
        private AdqlValues values;
        private AdqlConditions conditions;

        Walk(PlainSelect select) {
            this.select = select;
        }

        SqlQuery sql() throws AdqlException {
            checkOnlyServedClauses();
            table = fromTable(select.getFromItem());
            values = new AdqlValues(table, alias);
            conditions = new AdqlConditions(values);
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
            List<SqlFragment> plainItems = new ArrayList<>();
            for (SelectItem<?> item : select.getSelectItems()) {
                Expression e = item.getExpression();
                if (e instanceof AllTableColumns all) {
                    values.qualifier(all.getTable());
                    star(columns, outputNames, outputSql, plainItems);
                } else if (e instanceof AllColumns) {
                    star(columns, outputNames, outputSql, plainItems);
                } else {
                    SqlFragment s = selectExpression(e);
                    String name = outputName(item.getAlias(), e, s, columns.size());
                    columns.add(info(name, s));
                    outputNames.add(name);
                    outputSql.add(s.text());
                    if (!values.isAggregate(e)) {
                        plainItems.add(s);
                    }
                }
            }
            sql.append(String.join(", ", outputSql));
            sql.append(" FROM \"").append(table.sqlTable()).append("\" AS ").append(AdqlValues.ALIAS);
            if (select.getWhere() != null) {
                sql.append(" WHERE ").append(conditions.condition(select.getWhere()));
            }
            groupBy(select.getGroupBy(), plainItems, sql);
            orderBy(select.getOrderByElements(), outputNames, outputSql, sql);
            if (top >= 0) {
                sql.append(" LIMIT ").append(top);
            }
            return new SqlQuery(table, sql.toString(), values.params(), columns, top);
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
            boolean quoted = AdqlValues.isQuoted(t.getName()) || AdqlValues.isQuoted(schema);
            TapTable found = TapSchema.table(schema == null ? null : AdqlValues.unquote(schema), AdqlValues.unquote(t.getName()), quoted)
                    .orElseThrow(() -> new AdqlException("table " + t.getFullyQualifiedName() + " is not published; the tables are "
                            + TapSchema.tableNames()));
            Alias a = t.getAlias();
            if (a != null) {
                if (a.getAliasColumns() != null && !a.getAliasColumns().isEmpty()) {
                    throw new AdqlException("column aliases on a table are not served: " + a);
                }
                alias = AdqlValues.unquote(a.getName());
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

        private void star(List<ColumnInfo> columns, List<String> names, List<String> sqls, List<SqlFragment> plain) {
            for (TapColumn c : table.columns()) {
                SqlFragment s = values.columnSql(c);
                columns.add(c.info(c.name()));
                names.add(c.name());
                sqls.add(s.text());
                plain.add(s);
            }
        }

        private String outputName(Alias alias, Expression e, SqlFragment s, int index) throws AdqlException {
            if (alias != null) {
                if (alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
                    throw new AdqlException("column-list aliases are not served: " + alias);
                }
                return AdqlValues.unquote(alias.getName());
            }
            if (e instanceof Function f) {
                return f.getName().toLowerCase(Locale.ROOT);
            }
            if (s.column() != null) {
                return s.column().name();
            }
            return "col" + (index + 1);
        }

        private ColumnInfo info(String name, SqlFragment s) {
            if (s.column() != null) {
                return s.column().info(name);
            }
            ColumnInfo info = new ColumnInfo(name, s.type(), null);
            info.setNullable(true);
            return info;
        }

        private SqlFragment selectExpression(Expression e) throws AdqlException {
            if (e instanceof Function f && values.isAggregate(f)) {
                aggregates = true;
                return aggregate(f);
            }
            if (e instanceof Function f && AdqlValues.name(f).equals("DISTANCE")) {
                return values.distance(f);
            }
            return values.value(e);
        }

        private SqlFragment aggregate(Function f) throws AdqlException {
            String fn = AdqlValues.name(f);
            if (f.isAllColumns() || f.getParameters() != null && f.getParameters().size() == 1
                    && f.getParameters().get(0) instanceof AllColumns) {
                if (!fn.equals("COUNT")) {
                    throw new AdqlException(fn + "(*) is not valid; only COUNT(*)");
                }
                return new SqlFragment("COUNT(*)", Long.class, null);
            }
            List<Expression> args = values.arguments(f, 1);
            SqlFragment arg = values.value(args.get(0));
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
            return new SqlFragment(text, type, fn.equals("MIN") || fn.equals("MAX") ? arg.column() : null);
        }

        private void groupBy(GroupByElement group, List<SqlFragment> plainItems, StringBuilder sql) throws AdqlException {
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
                keys.add(values.columnSql(values.resolve(c)).text());
            }
            for (SqlFragment s : plainItems) {
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
                return Long.toString(n.getValue()); // by position: a selected expression's bound values are not repeated
            }
            if (e instanceof Column c && (c.getTable() == null || c.getTable().getName() == null)) {
                String n = AdqlValues.unquote(c.getColumnName());
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).equalsIgnoreCase(n) && table.column(n, false).isEmpty()) {
                        // by position: repeating the expression would repeat its '?' without their values
                        // (sqlite-jdbc binds the missing ones as NULL: the rows came out unsorted)
                        return Integer.toString(i + 1);
                    }
                }
            }
            return values.value(e).text();
        }
    }

}
