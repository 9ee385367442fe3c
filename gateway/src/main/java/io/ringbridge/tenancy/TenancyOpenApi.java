package io.ringbridge.tenancy;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/** The {@link Caller} parameter comes from authentication, not from the request: keep it out of the docs. */
@Configuration(proxyBeanMethods = false)
class TenancyOpenApi {
    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
