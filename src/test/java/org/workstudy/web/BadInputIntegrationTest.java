package org.workstudy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.positions.SelectionMode;
import org.workstudy.shared.XlsxSheet;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

/**
 * Inputs that used to answer 500, be cut silently or be refused without saying why: each now gets a 4xx that names
 * the field and what is expected (problem details in the API, a Chinese message on pages).
 */
@IntegrationTest
class BadInputIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures school;
    @Autowired
    HoursFixtures hours;
    @Autowired
    PlacementFixtures placements;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void anUnknownStudentIsNotFoundEvenForASchoolWideRole() throws Exception {
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        mvc.perform(get("/api/v1/students/999999999").with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("未找到该记录。"));
    }

    @Test
    void aNegativePageIsRefusedNamingTheParameter() throws Exception {
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        mvc.perform(get("/api/v1/students?page=-1").with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("page"));
        mvc.perform(get("/api/v1/students?size=2147483648").with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("size"))
                .andExpect(jsonPath("$.expected").value(containsString("2147483647")));
        Cookie session = Logins.login(mvc, center, Fixtures.PASSWORD);
        mvc.perform(get("/org/students?page=-1").cookie(session)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("地址中的参数“page”无效")));
        mvc.perform(get("/org/students?status=NOPE").cookie(session)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("地址中的参数“status”无效")));
    }

    @Test
    void anOverlongEmployerCityIsRefusedWithItsLimitAndNothingIsWritten() throws Exception {
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        String name = "超长城市单位" + Fixtures.next();
        mvc.perform(post("/api/v1/employers").with(httpBasic(center, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"onCampus\":false,\"name\":\"" + name + "\",\"city\":\"" + "厦".repeat(5000)
                                + "\",\"active\":true}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("city"))
                .andExpect(jsonPath("$.detail").value("“城市”过长：最多 50 个字符。"));
        assertThat(jdbc.sql("SELECT count(*) FROM pos_employer WHERE name = ?").param(name).query(Long.class).single())
                .isZero();
        mvc.perform(post("/api/v1/employers").with(httpBasic(center, Fixtures.PASSWORD))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"city\":\"厦门\",\"address\":\"" + "x".repeat(201) + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("\"Address\" is too long: at most 200 characters."));
    }

    @Test
    void aControlCharacterOrAFractionIsRefusedNamingTheFieldWhereverItIsSent() throws Exception {
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        String name = "控制字符单位" + Fixtures.next();
        // JSON text: refused as Jackson reads it, before anything reaches the database
        mvc.perform(post("/api/v1/employers").with(httpBasic(center, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"city\":\"厦\\u0000门\",\"active\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("city"))
                .andExpect(jsonPath("$.expected").value("不含控制字符（如 NUL）的文本"));
        mvc.perform(post("/api/v1/employers").with(httpBasic(center, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"city\":\"厦\\u0007门\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("city"));
        assertThat(jdbc.sql("SELECT count(*) FROM pos_employer WHERE name = ?").param(name).query(Long.class).single())
                .isZero();
        // tab and line breaks are text
        mvc.perform(post("/api/v1/employers").with(httpBasic(center, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"city\":\"厦门\",\"address\":\"一号\\t楼\\r\\n二层\"}"))
                .andExpect(status().is2xxSuccessful());
        // a query parameter
        mvc.perform(get("/api/v1/positions").queryParam("text", "a\u0000b").with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("text"));
        // a path id the firewall refuses before the API reads it
        mvc.perform(get(URI.create("/api/v1/employers/1%00")).with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("id"))
                .andExpect(jsonPath("$.detail").value(containsString("路径参数 id 含有不允许的字符")));
        // a fraction in an integer field is not rounded
        mvc.perform(post("/api/v1/positions").with(httpBasic(center, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"capacity\":1.5}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("capacity"))
                .andExpect(jsonPath("$.expected").value(containsString("整数")));
    }

    @Test
    void aNulInAnUploadedFileNameIsCleanedNotA500() throws Exception {
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        long employer = placements.employer();
        MockMultipartFile pdf = new MockMultipartFile("file", "协议\u0000书.pdf", "application/pdf",
                "%PDF-1.4\n%test\n".getBytes(StandardCharsets.US_ASCII));
        mvc.perform(multipart("/api/v1/employers/" + employer + "/agreement").file(pdf).param("expiresOn", "2030-01-01")
                        .with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT file_name FROM pos_agreement_file WHERE employer_id = ?").param(employer)
                .query(String.class).single()).isEqualTo("协议_书.pdf");
    }

    @Test
    void anEmployerOpensTheRecordsOfAStudentPlacedWithThem() throws Exception {
        var x = hours.placed(1);
        String employer = school.account(Grant.of(Role.EMPLOYER, x.employerId()));
        Cookie session = Logins.login(mvc, employer, Fixtures.PASSWORD);
        mvc.perform(get("/hours/students/" + x.student().id()).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString(x.student().name())));
        // one not placed with them is "not found", as before
        Student other = placements.students(school.schoolClass(school.college()), 1).get(0);
        mvc.perform(get("/hours/students/" + other.id()).cookie(session)).andExpect(status().isNotFound());
    }

    @Test
    void overlongWorkContentIsRefusedNamingTheFieldAndItsLimitNeverCut() throws Exception {
        var x = hours.placed(1);
        Student s = x.student();
        String counselor = school.account(Grant.of(Role.COUNSELOR, x.classId()));
        mvc.perform(post("/api/v1/work-records").with(httpBasic(counselor, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(record(s, x.placement(), "\"workDate\":\"2025-10-18\"", "x".repeat(10_000))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("content"))
                .andExpect(jsonPath("$.detail").value("“工作内容”过长：最多 500 个字符。"));
        Cookie session = Logins.login(mvc, counselor, Fixtures.PASSWORD);
        var refused = mvc.perform(post("/hours/students/" + s.id() + "/records").cookie(session).with(csrf())
                .param("source", "PLACEMENT:" + x.placement()).param("workDate", "2025-10-18")
                .param("startsAt", "09:00").param("endsAt", "12:00").param("content", "y".repeat(501)))
                .andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(get("/hours/students/" + s.id()).cookie(session).flashAttrs(refused.getFlashMap()))
                .andExpect(content().string(containsString("“工作内容”过长：最多 500 个字符。")));
        assertThat(jdbc.sql("SELECT count(*) FROM hrs_entry WHERE student_id = ?").param(s.id()).query(Long.class)
                .single()).isZero();
        // exactly 500 characters are kept whole
        mvc.perform(post("/api/v1/work-records").with(httpBasic(counselor, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(record(s, x.placement(), "\"workDate\":\"2025-10-18\"", "z".repeat(500))))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT content FROM hrs_entry WHERE student_id = ?").param(s.id()).query(String.class)
                .single()).hasSize(500);
    }

    @Test
    void unreadableJsonNamesTheFieldAndWhatIsExpectedInChineseOrEnglish() throws Exception {
        var x = hours.placed(1);
        Student s = x.student();
        String counselor = school.account(Grant.of(Role.COUNSELOR, x.classId()));
        mvc.perform(post("/api/v1/work-records").with(httpBasic(counselor, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"studentId\": 1,"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("不是有效的 JSON")));
        mvc.perform(post("/api/v1/work-records").with(httpBasic(counselor, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(record(s, x.placement(),
                                "\"workDate\":\"2026-02-30\"", "整理")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("workDate"))
                .andExpect(jsonPath("$.detail").value("字段“workDate”的值无效：应为存在的日期，格式如 2026-03-01。"));
        mvc.perform(post("/api/v1/work-records").with(httpBasic(counselor, Fixtures.PASSWORD))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(record(s, x.placement(), "\"workDate\":\"2026-02-30\"", "整理")))
                .andExpect(jsonPath("$.detail").value(
                        "The value of field \"workDate\" is invalid: expected a date that exists, written like 2026-03-01."));
        mvc.perform(post("/api/v1/work-records").with(httpBasic(counselor, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(record(s, x.placement(), "\"workDate\":\"2025-10-18\"", "整理")
                                .replace("\"PLACEMENT\"", "\"NOPE\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("sourceKind"))
                .andExpect(jsonPath("$.expected").value(containsString("PLACEMENT")));
        mvc.perform(post("/api/v1/work-records").with(httpBasic(counselor, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(record(s, x.placement(), "\"workDate\":\"2025-10-18\"", "整理")
                                .replace("\"studentId\":" + s.id(), "\"studentId\":\"abc\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("studentId"))
                .andExpect(jsonPath("$.expected").value("整数"));
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        mvc.perform(post("/api/v1/positions").with(httpBasic(center, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"capacity\":2147483648}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("capacity"))
                .andExpect(jsonPath("$.expected").value("整数（-2147483648 至 2147483647）"));
        assertThat(jdbc.sql("SELECT count(*) FROM hrs_entry WHERE student_id = ?").param(s.id()).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aTooLargeUploadIsRefusedWithTheLimitInTheApiAndOnThePage() throws Exception {
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        Cookie session = Logins.login(mvc, center, Fixtures.PASSWORD);
        byte[] body = multipartBody(25 * 1024 * 1024);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/quality-credits/import"))
                .header("Content-Type", "multipart/form-data; boundary=XyZ")
                .header("Authorization", basic(center))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(api.body()).contains("上传的文件过大：最大 20 MB。");
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/quality-credits/import"))
                .header("Content-Type", "multipart/form-data; boundary=XyZ")
                .header("Cookie", "SESSION=" + session.getValue()).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("上传的文件过大：最大 20 MB。").contains("<html");
    }

    @Test
    void aZipBombIsRefusedAsTooLargeWhenUnpackedNotAsNoXlsx() throws IOException {
        List<XlsxSheet.FileProblem> problems = XlsxSheet.read(new java.io.ByteArrayInputStream(zipBomb()), "学号",
                h -> h, List.of("学号"), 100, (row, cells) -> { });
        assertThat(problems).extracting(XlsxSheet.FileProblem::problem)
                .containsExactly(XlsxSheet.Problem.TOO_LARGE_UNPACKED);
    }

    @Test
    void aZipBombUploadTellsTheUserItIsTooLargeUnpacked() throws Exception {
        String registrar = school.account(Grant.school(Role.CENTER_STAFF));
        mvc.perform(multipart("/api/v1/quality-credits/import")
                        .file(new MockMultipartFile("file", "bomb.xlsx", "application/octet-stream", zipBomb()))
                        .with(httpBasic(registrar, Fixtures.PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("解压后过大"),
                        org.hamcrest.Matchers.not(containsString("这不是 .xlsx 文件")))));
    }

    @Test
    void theApiRefusesFormPostsAndNeverChallengesForBasic() throws Exception {
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        long position = placements.published(2, SelectionMode.FIRST_COME, java.util.Set.of());
        mvc.perform(post("/api/v1/positions/" + position + "/close").with(httpBasic(center, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("a=b"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(containsString("application/json")));
        mvc.perform(post("/api/v1/positions/" + position + "/close").with(httpBasic(center, Fixtures.PASSWORD))
                        .contentType(MediaType.TEXT_PLAIN).content("a=b"))
                .andExpect(status().isUnsupportedMediaType());
        assertThat(jdbc.sql("SELECT status FROM pos_position WHERE id = ?").param(position).query(String.class)
                .single()).isEqualTo("PUBLISHED");
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
        mvc.perform(get("/api/v1/me").with(httpBasic(center, "wrong-password"))).andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
        // a program's body-less POST still works
        mvc.perform(post("/api/v1/positions/" + position + "/close").with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void theApiDescriptionIsForSignedInStaffAndDeclaresItsSecurityScheme() throws Exception {
        mvc.perform(get("/api/v1/openapi")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/api/v1/docs")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        Student student = placements.students(school.schoolClass(school.college()), 1).get(0);
        String learner = school.account(Grant.of(Role.STUDENT, student.id()));
        mvc.perform(get("/api/v1/openapi").cookie(Logins.login(mvc, learner, Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        Cookie staff = Logins.login(mvc, school.account(Grant.school(Role.LEADER)), Fixtures.PASSWORD);
        mvc.perform(get("/api/v1/openapi").cookie(staff)).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"))
                .andExpect(jsonPath("$.security[0].basicAuth").exists());
        mvc.perform(get("/api/v1/swagger-ui/index.html").cookie(staff)).andExpect(status().isOk());
    }

    private static String record(Student s, long placement, String date, String content) {
        return "{\"studentId\":" + s.id() + ",\"sourceKind\":\"PLACEMENT\",\"sourceId\":" + placement + "," + date
                + ",\"startsAt\":\"09:00\",\"endsAt\":\"12:00\",\"content\":\"" + content + "\"}";
    }

    private static String basic(String username) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((username + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] multipartBody(int size) {
        byte[] head = ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + size + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, head.length + size, tail.length);
        return body;
    }

    /** A tiny .xlsx whose one sheet unpacks to 200 MB of the same letter. */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            String ns = "http://schemas.openxmlformats.org/";
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"" + ns + "package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns + "package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"" + ns + "spreadsheetml/2006/main\" xmlns:r=\""
                    + ns + "officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns
                    + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns
                    + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\"?><worksheet xmlns=\"" + ns + "spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                    + "<c r=\"A1\" t=\"inlineStr\"><is><t>").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 200; i++) {
                zip.write(block);
            }
            zip.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
