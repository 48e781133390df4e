package org.workstudy.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.lowagie.text.pdf.BaseFont;

/**
 * The system CJK font for PDFs (OpenPDF), set by {@code workstudy.pdf.cjk-font} (default: Debian's
 * fonts-wqy-microhei; a .ttc loads its first face). Without a readable font {@link #available()} is false and the
 * pages offer a print-ready page instead. The setting is read on each call, so that a font installed (or a setting
 * changed in the environment) is picked up; a loaded font is kept per path.
 */
@Component
public class CjkPdf {

    public static final String FONT_SETTING = "workstudy.pdf.cjk-font";
    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    private static final Logger LOG = LoggerFactory.getLogger(CjkPdf.class);

    private final Environment environment;
    private final Map<String, Optional<BaseFont>> fonts = new ConcurrentHashMap<>();

    CjkPdf(Environment environment) {
        this.environment = environment;
    }

    /** Whether a PDF can be made: the configured CJK font is there and loads. */
    public boolean available() {
        return font().isPresent();
    }

    public Optional<BaseFont> font() {
        String setting = environment.getProperty(FONT_SETTING, DEFAULT_FONT).strip();
        return fonts.computeIfAbsent(setting, CjkPdf::load);
    }

    /** The font, or an exception for callers that checked {@link #available()} first. */
    public BaseFont require() {
        return font().orElseThrow(() -> new IllegalStateException("no CJK font"));
    }

    private static Optional<BaseFont> load(String setting) {
        String file = setting.replaceFirst(",\\d+$", "");
        if (file.isEmpty() || !Files.isReadable(Path.of(file))) {
            LOG.warn("No CJK font for PDFs at {} (setting {}): PDFs are not available", file, FONT_SETTING);
            return Optional.empty();
        }
        String name = setting.toLowerCase(Locale.ROOT).endsWith(".ttc") ? setting + ",0" : setting;
        try {
            return Optional.of(BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The CJK font {} does not load ({}): PDFs are not available", name, e.toString());
            return Optional.empty();
        }
    }
}
