package io.ringbridge.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ringbridge.platform.config.RingBridgeProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DatabaseProperties.class, NotificationProperties.class})
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

    @Bean
    DatabaseUrl databaseUrl(DatabaseProperties database, RingBridgeProperties properties) {
        return DatabaseUrl.resolve(database.url(), properties.dataDir());
    }

    @Bean
    DatabaseKind databaseKind(DatabaseUrl url) {
        return url.kind();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseUrl url, DatabaseProperties database, RingBridgeProperties properties) {
        log.info("Database: {} ({})", url.kind(), url.describe());
        if (url.embeddedIn(properties.dataDir())) {
            PrivateDatabaseFiles.prepare(DatabaseUrl.embeddedFile(properties.dataDir()));
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("ringbridge");
        dataSource.setJdbcUrl(url.jdbcUrl());
        dataSource.setUsername(url.username());
        dataSource.setPassword(url.password());
        dataSource.setMaximumPoolSize(database.poolSize());
        // Fail a request after 5 s without a connection rather than piling up behind a dead database.
        dataSource.setConnectionTimeout(5_000);
        if (url.kind() == DatabaseKind.POSTGRESQL) {
            // A JDBC batch of inserts (accepted messages stored together) goes as one multi-row INSERT, not one
            // statement per row.
            dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return dataSource;
    }
}
