package org.workstudy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.WorkRecordView;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * Two pages: the supervisor opens a shift and shows its rotating QR code; the student's phone (Chromium with a fake
 * camera playing a video of that very code) scans it in the browser and is checked in. Screenshots at 390 and 1366 px.
 */
@IntegrationTest
class CheckinBrowserTest extends BrowserJourney {

    @Autowired
    HoursFixtures hours;
    @Autowired
    Fixtures fixtures;
    @Autowired
    HoursLedger ledger;

    @Test
    void theStudentScansTheSupervisorsQrCodeWithThePhoneCameraAndIsCheckedIn() throws Exception {
        HoursFixtures.Setup setup = hours.placed(1);
        Student student = setup.student();
        String supervisor = fixtures.account(Grant.of(Role.EMPLOYER, setup.employerId()));

        Page desk = browser().desktopIn("zh-CN");
        Browser.login(desk, supervisor, Fixtures.PASSWORD);
        desk.navigate("/checkin/shifts");
        desk.selectOption("#open-position", String.valueOf(setup.positionId()));
        desk.fill("#open-lat", "24.479800");
        desk.fill("#open-lng", "118.089400");
        desk.fill("#open-radius", "300");
        desk.click("#checkin-open-submit");
        desk.waitForSelector("#checkin-qr");
        assertThat(desk.textContent("#checkin-fallback")).matches("\\d+-[2-9A-Z]{6}");
        Browser.screenshot(desk, "checkin-supervisor-qr-1366");

        // the code on the screen, as the camera will see it
        String src = desk.getAttribute("#checkin-qr", "src");
        byte[] png = desk.request().get(src).body();
        Path video = Path.of("target", "checkin-qr.y4m");
        writeY4m(ImageIO.read(new ByteArrayInputStream(png)), video);

        try (Browser phoneBrowser = new Browser(port, List.of("--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream", "--use-file-for-fake-video-capture=" + video.toAbsolutePath()))) {
            Page phone = phoneBrowser.phone();
            phone.context().grantPermissions(List.of("geolocation", "camera"));
            phone.context().setGeolocation(new Geolocation(24.4800, 118.0896));
            activate(phone, student, fixtures.activationCode(student.studentNo()), STUDENT_PASSWORD);
            phone.navigate("/checkin");
            Browser.screenshot(phone, "checkin-student-before-390");
            phone.click("#checkin-camera");
            phone.waitForSelector(".alert-success", new Page.WaitForSelectorOptions().setTimeout(45_000));
            assertThat(phone.textContent(".alert-success")).contains("签到成功");
            assertThat(phone.textContent("#checkin-attendances")).contains("工时测试岗位");
            Browser.screenshot(phone, "checkin-student-checked-in-390");
            assertThat(phoneBrowser.consoleProblems()).as("console errors on the phone").isEmpty();
        }

        // the supervisor's page lists the student (htmx refreshes it; a reload is the same)
        desk.reload();
        desk.waitForSelector("#checkin-shift-attendances");
        assertThat(desk.textContent("#checkin-shift-attendances")).contains(student.name());
        Browser.screenshot(desk, "checkin-supervisor-present-1366");

        Page deskPhone = browser().phone();
        Browser.login(deskPhone, supervisor, Fixtures.PASSWORD);
        deskPhone.navigate(desk.url());
        deskPhone.waitForSelector("#checkin-qr");
        Browser.screenshot(deskPhone, "checkin-supervisor-qr-390");

        // the student's page on a desktop screen, with the typed code (no camera)
        Page studentDesk = browser().desktopIn("zh-CN");
        Browser.login(studentDesk, student.studentNo(), STUDENT_PASSWORD);
        studentDesk.navigate("/checkin");
        Browser.screenshot(studentDesk, "checkin-student-1366");
        assertThat(ledger.ofStudent(setup.counselor(), student.id())).extracting(WorkRecordView::id).isEmpty();
    }

    /** One frame of YUV 4:2:0 video (grey: U and V at 128) with the image centred on white, 640×480. */
    private static void writeY4m(BufferedImage qr, Path file) throws IOException {
        int w = 640;
        int h = 480;
        BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = frame.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        int size = 400;
        g.drawImage(qr, (w - size) / 2, (h - size) / 2, size, size, null);
        g.dispose();
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + w + " H" + h + " F5:1 Ip A1:1 C420jpeg\n").getBytes());
            for (int n = 0; n < 5; n++) {
                out.write("FRAME\n".getBytes());
                byte[] y = new byte[w * h];
                frame.getRaster().getDataElements(0, 0, w, h, y);
                out.write(y);
                byte[] chroma = new byte[(w / 2) * (h / 2)];
                java.util.Arrays.fill(chroma, (byte) 128);
                out.write(chroma);
                out.write(chroma);
            }
        }
    }
}
