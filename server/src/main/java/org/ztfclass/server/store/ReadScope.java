package org.ztfclass.server.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One SQLite connection shared by everything a thread reads from a {@link Database} until the
 * scope is closed: while it is open, {@link Database#connect()} on the same thread answers this
 * connection (its {@code close()} does nothing), so a page that asks many store classes opens one
 * connection instead of one per question. No transaction is started: each statement still runs in
 * auto-commit mode, so a write made inside the scope is committed as it would be outside. Closing
 * the scope closes the connection. A scope opened inside another on the same thread is a no-op.
 * Not for sharing between threads.
 */
public final class ReadScope implements AutoCloseable {

    private final ThreadLocal<Connection> holder;
    private final Connection connection;

    ReadScope(ThreadLocal<Connection> holder, Connection connection) {
        this.holder = holder;
        this.connection = connection;
    }

    /** @return a view of {@code c} whose {@code close()} does nothing */
    static Connection unclosable(Connection c) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                return null;
            }
            try {
                return method.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    /** Ends the scope and closes its connection (nothing for a nested scope). */
    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        holder.remove();
        connection.close();
    }
}
