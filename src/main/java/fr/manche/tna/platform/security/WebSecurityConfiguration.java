package fr.manche.tna.platform.security;

import fr.manche.tna.platform.web.Page;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Servlet filters that guard the ways in: the REST API, the admin setup, the Cockpit API, the application's staff
 * pages. What a caller may do once in is decided inside the engine ({@link TrustBoundaryPlugin}).
 */
@Configuration
class WebSecurityConfiguration {

  /** {@code /engine-rest} answers only authenticated callers (HTTP Basic); anonymous calls get 401. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName());
    registration.setName("engine-rest-authentication");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /**
   * The webapps' setup page creates the first administrator for anyone who reaches it while none exists.
   * Here it never does: the first administrator comes from the configuration (README).
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> noAnonymousSetup() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws java.io.IOException {
                response.sendError(
                    HttpServletResponse.SC_FORBIDDEN,
                    "La création du premier administrateur se fait par la configuration (CAMUNDA_BPM_ADMINUSER_ID).");
              }
            });
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setName("no-anonymous-setup");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<PageSizeLimitFilter> pageSizeLimit() {
    FilterRegistrationBean<PageSizeLimitFilter> registration = new FilterRegistrationBean<>(new PageSizeLimitFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("page-size-limit");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<CockpitApiFilter> cockpitApiForStaff() {
    FilterRegistrationBean<CockpitApiFilter> registration = new FilterRegistrationBean<>(new CockpitApiFilter());
    registration.addUrlPatterns("/camunda/api/cockpit/*");
    registration.setName("cockpit-api-for-staff");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  FilterRegistrationBean<StaffPagesFilter> staffPages() {
    FilterRegistrationBean<StaffPagesFilter> registration = new FilterRegistrationBean<>(new StaffPagesFilter());
    // Every staff page of the menu's registry and what lies below it (/organisations/12).
    registration.addUrlPatterns(Page.staffUrlPatterns());
    registration.setName("staff-pages");
    return registration;
  }
}
