package io.ringbridge.tenancy;

import java.io.PrintStream;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.platform.config.PublicUrl;
import io.ringbridge.platform.db.Timestamps;

/**
 * First start on an empty database: creates a tenant and an app and shows that app's key once,
 * so a new user can call the API straight away. The key goes to the console only, never through the
 * logging system (whose lines may be shipped and kept). A marker row makes it happen exactly once, even
 * when several instances start together on a new database.
 */
@Component
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final Tenants tenants;
    private final TenantService tenantService;
    private final AppService appService;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final PrintStream console = System.out;

    Bootstrap(Tenants tenants, TenantService tenantService, AppService appService, JdbcClient jdbc,
              TransactionTemplate transactions, PublicUrl publicUrl, Clock clock, ApplicationEventPublisher publisher) {
        this.tenants = tenants;
        this.tenantService = tenantService;
        this.appService = appService;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.publisher = publisher;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (tenants.exists()) {
            return;
        }
        RegisteredApp app;
        try {
            app = transactions.execute(tx -> {
                Tenant tenant = tenantService.create("Default tenant");
                RegisteredApp created = appService.create(tenant.id(), "Default app", null);
                jdbc.sql("INSERT INTO bootstrap (id, tenant_id, app_id, created_at) VALUES (1, :tenant, :app, :now)")
                        .param("tenant", tenant.id()).param("app", created.appId())
                        .param("now", Timestamps.toDb(clock.instant())).update();
                return created;
            });
        } catch (DuplicateKeyException anotherInstanceWon) {
            return;
        }
        log.info("Bootstrap: created tenant {} and app {}; its API key is printed once on the console",
                app.tenantId(), app.appId());
        String base = publicUrl.base();
        console.printf("""

                ====================================================================================
                 RingBridge first start: created tenant %s and app %s.
                 API key (shown once; store it now):

                     %s

                 Try it:
                     curl -H "Authorization: Bearer %s" %s/v1/apps
                ====================================================================================

                """, app.tenantId(), app.appId(), app.apiKey(), app.apiKey(), base);
        console.flush();
        publisher.publishEvent(new TenantBootstrapped(app.tenantId(), app.appId()));
    }
}
