package org.workstudy.certificates.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.certificates.Certificates;
import org.workstudy.certificates.internal.VerificationResult;
import org.workstudy.shared.BusinessException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The public check of a certificate's code (no authentication: under /api/v1/public). */
@RestController
@Tag(name = "certificate verification")
class VerificationApi {

    private final Certificates certificates;

    VerificationApi(Certificates certificates) {
        this.certificates = certificates;
    }

    @Operation(summary = "What a verification code certifies: name, student number, hours, credits and date only")
    @GetMapping("/api/v1/public/verify/{code}")
    ResponseEntity<VerificationResult> verify(@PathVariable String code) {
        return ResponseEntity.ok().header("Cache-Control", "no-store")
                .body(certificates.verify(code).orElseThrow(() -> BusinessException.notFound("error.not-found")));
    }
}
