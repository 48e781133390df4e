package org.workstudy.positions.api;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.workstudy.identity.CurrentUser;
import org.workstudy.positions.Employer;
import org.workstudy.positions.internal.EmployerForm;
import org.workstudy.positions.Employers;
import org.workstudy.shared.Masking;

/** Employers: the center keeps them; school-wide readers see all; an employer's contact sees only their own. */
@RestController
@RequestMapping("/api/v1/employers")
@Tag(name = "positions")
class EmployerApi {

    private final Employers employers;

    EmployerApi(Employers employers) {
        this.employers = employers;
    }

    @Operation(summary = "Employers the caller may see (contact phones masked except for the center)")
    @GetMapping
    List<Employer> list() {
        CurrentUser user = CurrentUser.require();
        return employers.list(user).stream().map(e -> masked(user, e)).toList();
    }

    @Operation(summary = "One employer; 404 when outside the caller's scope")
    @GetMapping("/{id}")
    Employer get(@PathVariable long id) {
        CurrentUser user = CurrentUser.require();
        return masked(user, employers.require(user, id));
    }

    @Operation(summary = "Create an employer (CENTER_STAFF, ADMIN)")
    @PostMapping
    ResponseEntity<Employer> create(@RequestBody EmployerForm form) {
        CurrentUser user = CurrentUser.require();
        long id = employers.save(user, null, form);
        return ResponseEntity.status(HttpStatus.CREATED).body(employers.require(user, id));
    }

    @Operation(summary = "Change an employer (CENTER_STAFF, ADMIN)")
    @PutMapping("/{id}")
    Employer update(@PathVariable long id, @RequestBody EmployerForm form) {
        CurrentUser user = CurrentUser.require();
        employers.save(user, id, form);
        return employers.require(user, id);
    }

    @Operation(summary = "Upload a tripartite agreement (PDF, JPEG or PNG by content, at most 10 MB) with its expiry")
    @PostMapping(path = "/{id}/agreement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Employer agreement(@PathVariable long id, @RequestPart("file") MultipartFile file,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn) throws IOException {
        CurrentUser user = CurrentUser.require();
        employers.uploadAgreement(user, id, file.getOriginalFilename(), file.getBytes(), expiresOn);
        return employers.require(user, id);
    }

    private static Employer masked(CurrentUser user, Employer e) {
        return Employers.keeps(user) ? e : new Employer(e.id(), e.onCampus(), e.name(), e.city(), e.address(),
                e.contactPerson(), Masking.phone(e.phone()), e.active(), e.agreementId(), e.agreementFileName(),
                e.agreementExpires(), e.divisionCode());
    }
}
