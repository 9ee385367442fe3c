package io.ringbridge.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Every line every gateway under test logs, formatted with the request id, level, message and stack trace, so
 * tests can assert what reaches the logs (request ids) and what never does (secrets).
 */
public final class LogCapture {

    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    private static final CapturingAppender APPENDER = new CapturingAppender();

    private LogCapture() {
    }

    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    /** Adds the capture to the root logger once (the test gateways leave Logback's configuration alone). */
    static synchronized void attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER.getName()) == null) {
            APPENDER.setContext(context);
            APPENDER.start();
            root.addAppender(APPENDER);
        }
    }

    private static final class CapturingAppender extends AppenderBase<ILoggingEvent> {
        private PatternLayout layout;

        CapturingAppender() {
            setName("test-capture");
        }

        @Override
        public void start() {
            layout = new PatternLayout();
            layout.setContext(getContext());
            layout.setPattern("[%X{requestId:-}] %level %logger - %msg%n%ex");
            layout.start();
            super.start();
        }

        @Override
        protected void append(ILoggingEvent event) {
            LINES.add(layout.doLayout(event));
        }
    }
}
