package com.waymark.bench;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import com.waymark.impact.ImpactReports;
import com.waymark.insight.TeamInsights;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code impact-sample OUT.pdf [--png DIR]}: the impact report of the demo programme, rendered without a web server,
 * so that it can be checked by eye and by tools. Waymark runs in this JVM with the {@code demo} profile on a scratch
 * H2 file (Quartz and the background precompute off); the demo's coach reads the report as they would in Teams:
 * released through the confidentiality policy and the release ledger, and audited. {@code --png} also writes each
 * page as a PNG (page-1.png, ...) at 110 dpi.
 */
public final class ImpactSample implements Subcommand {

    @Override
    public String name() {
        return "impact-sample";
    }

    @Override
    public String description() {
        return "the demo programme's impact report as a PDF: OUT.pdf [--png DIR]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        List<String> rest = new ArrayList<>(args);
        Path png = null;
        int flag = rest.indexOf("--png");
        if (flag >= 0) {
            if (flag + 1 >= rest.size()) {
                throw new IllegalArgumentException("--png needs a folder, for example: impact-sample report.pdf --png pages");
            }
            png = Path.of(rest.get(flag + 1));
            rest.remove(flag + 1);
            rest.remove(flag);
        }
        if (rest.size() != 1 || !rest.get(0).toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            throw new IllegalArgumentException("give the file to write, for example: impact-sample impact-report.pdf");
        }
        Path target = Path.of(rest.get(0));
        Path dataDir = Files.createTempDirectory("waymark-impact-");
        ImpactReports.ImpactFile file;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            // The demo profile's programme is the only one when the application has started on a new database.
            long programme = jdbc.queryForObject("select min(id) from programme", Long.class);
            long coach = jdbc.queryForObject("select min(participant_id) from programme_staff where programme_id = ?",
                    Long.class, programme);
            // As the background precompute would have done by the time a coach asks.
            app.getBean(TeamInsights.class).precomputeThemes(programme);
            file = app.getBean(ImpactReports.class).pdf(coach, programme);
        } finally {
            BenchRuntime.deleteQuietly(dataDir);
        }
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.write(target, file.bytes());
        if (png != null) {
            pages(file.bytes(), png, out);
        }
        out.printf(Locale.ROOT, "impact-sample: pages=%d figures=%d hidden=%d bytes=%d%n", file.pages(),
                file.released(), file.hidden(), file.bytes().length);
        return 0;
    }

    private static void pages(byte[] pdf, Path folder, PrintStream out) throws IOException {
        Files.createDirectories(folder);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 110);
                File page = folder.resolve("page-" + (i + 1) + ".png").toFile();
                ImageIO.write(image, "png", page);
                out.println("wrote " + page);
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(Subcommands.application()).web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run("--spring.profiles.active=demo", "--waymark.data-dir=" + dataDir,
                        "--spring.quartz.auto-startup=false", "--waymark.insight.precompute.enabled=false",
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off", BenchRuntime.quartzOfItsOwn());
    }
}
