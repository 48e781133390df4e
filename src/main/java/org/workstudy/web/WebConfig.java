package org.workstudy.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Chinese by default, English for a browser whose first language is English; {@code ?lang=en} or {@code ?lang=zh}
 * switches and a cookie remembers the choice, which wins over the browser.
 *
 * <p>Static files are served under their own prefixes only ({@code spring.web.resources.add-mappings=false} turns
 * off Spring Boot's {@code /**} mapping). With {@code /**}, every link a page renders ({@code @{/jobs/1}}) went through
 * the resource chain's URL rewriting, which looked each one up on the class path — a miss is not cached, and the
 * look-ups serialise on the jar's lock: the 8 a.m. rush profile showed request threads waiting there most of the time.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final Duration cachePeriod;

    WebConfig(@Value("${spring.web.resources.cache.period:7d}") Duration cachePeriod) {
        this.cachePeriod = cachePeriod;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl cache = CacheControl.maxAge(cachePeriod);
        for (String dir : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + dir + "/**").addResourceLocations("classpath:/static/" + dir + "/")
                    .setCacheControl(cache).resourceChain(true);
        }
        // versionless webjar paths (/webjars/htmx.org/dist/htmx.min.js) resolved by webjars-locator-lite
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(cache).resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("workstudy-lang");
        // without the language cookie (set by the switch, which wins), the browser's first language decides
        resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") != null
                && "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new ApiBodyTypes()).addPathPatterns("/api/**");
    }
}
