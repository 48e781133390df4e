package org.workstudy.policy.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.identity.CurrentUser;
import org.workstudy.policy.Policies;
import org.workstudy.policy.PolicyVersion;
import org.workstudy.policy.internal.PolicyForm;
import org.workstudy.policy.internal.PolicyRefused;
import org.workstudy.shared.BusinessException;

/**
 * The policy versions: read by the administrators and the school-wide offices that apply the policy (center staff
 * and director, academic affairs, leaders), created by administrators, with the page's checks.
 */
@RestController
@RequestMapping("/api/v1/policy")
@Tag(name = "policy")
class PolicyApi {

    private final Policies policies;
    private final MessageSource messages;

    PolicyApi(Policies policies, MessageSource messages) {
        this.policies = policies;
        this.messages = messages;
    }

    @Operation(summary = "Every policy version, oldest first, with the cohorts it covers (toCohort null: the newest)")
    @GetMapping("/versions")
    List<PolicyVersion> versions() {
        Policies.requireReader(CurrentUser.require());
        return policies.versions();
    }

    @Operation(summary = "The version a cohort enrolled under; 404 when none applies (a cohort before the first"
            + " version)")
    @GetMapping("/cohorts/{cohort}")
    PolicyVersion forCohort(@PathVariable int cohort) {
        Policies.requireReader(CurrentUser.require());
        return policies.forCohort(cohort).orElseThrow(() -> BusinessException.notFound("policy.api.none", cohort));
    }

    @Operation(summary = "Create a version for later cohorts (administrators). 201 with the version; 422 with every"
            + " problem in 'errors' (nothing written); 409 when another administrator took the cohort at the same"
            + " time")
    @PostMapping("/versions")
    ResponseEntity<PolicyVersion> create(@RequestBody PolicyForm form) {
        PolicyVersion created = policies.create(CurrentUser.require(), form);
        return ResponseEntity.created(URI.create("/api/v1/policy/cohorts/" + created.fromCohort())).body(created);
    }

    @ExceptionHandler(PolicyRefused.class)
    ResponseEntity<ProblemDetail> refused(PolicyRefused e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(e.messageKey(), e.args(), locale));
        problem.setType(URI.create("urn:workstudy:policy.refused"));
        problem.setProperty("errors", e.problems().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", p.field());
            m.put("code", p.messageKey());
            m.put("message", messages.getMessage(p.messageKey(), p.args().toArray(), locale));
            return m;
        }).toList());
        return ResponseEntity.unprocessableContent().body(problem);
    }
}
