package org.workstudy.identity.sso;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server on its own port, in its own small Spring
 * context (no auto-configuration, so none of WorkStudy's). It knows everybody: any username signs in with
 * {@link #PASSWORD}, and its ID token carries the username in the claim {@code xgh} (学工号), as a school's identity
 * system would carry the student or staff number.
 */
public final class OidcProvider implements AutoCloseable {

    public static final String PASSWORD = "idp-pass";
    public static final String CLIENT_ID = "workstudy";
    public static final String CLIENT_SECRET = "workstudy-secret";

    private final ConfigurableApplicationContext context;
    private final int port;

    private OidcProvider(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /** Starts on {@code port}, accepting the WorkStudy client that comes back to {@code redirectUri}. */
    public static OidcProvider start(int port, String redirectUri) {
        SpringApplication app = new SpringApplication(Config.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "workstudy.embedded-db.enabled", "false",
                "logging.level.root", "WARN", "logging.level.org.workstudy", "INFO"));
        app.addInitializers(c -> c.getBeanFactory().registerSingleton("idpSettings", new Settings(port, redirectUri)));
        app.setRegisterShutdownHook(false);
        return new OidcProvider(app.run(), port);
    }

    record Settings(int port, String redirectUri) {
    }

    public String issuer() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        context.close();
    }

    /** A test configuration: never picked up by the component scan of WorkStudy's own test contexts. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class Config {


        @Bean
        TomcatServletWebServerFactory webServer(Settings settings) {
            TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(settings.port());
            // Tomcat runs filters only for a mapped servlet; every endpoint here is a filter of Spring Security.
            tomcat.setRegisterDefaultServlet(true);
            return tomcat;
        }

        @Bean
        @Order(1)
        SecurityFilterChain endpoints(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(as -> {
                        http.securityMatcher(as.getEndpointsMatcher());
                        as.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService everybody() {
            return username -> User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
        }

        @Bean
        RegisteredClientRepository clients(Settings settings) {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(settings.redirectUri())
                    .scope(OidcScopes.OPENID)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> studentNumberClaim() {
            return context -> {
                if ("id_token".equals(context.getTokenType().getValue())) {
                    context.getClaims().claim("xgh", context.getPrincipal().getName());
                }
            };
        }

        @Bean
        KeyPair signingKey() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }

        /** For the provider's own user-info endpoint (which WorkStudy does not call with scope openid alone). */
        @Bean
        org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(KeyPair pair) {
            return org.springframework.security.oauth2.jwt.NimbusJwtDecoder
                    .withPublicKey((RSAPublicKey) pair.getPublic()).build();
        }

        @Bean
        JWKSource<SecurityContext> keys(KeyPair pair) {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        AuthorizationServerSettings serverSettings(Settings settings) {
            return AuthorizationServerSettings.builder().issuer("http://localhost:" + settings.port()).build();
        }
    }
}
