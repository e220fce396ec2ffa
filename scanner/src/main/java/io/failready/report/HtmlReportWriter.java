package io.failready.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Renders report.ftlh from the bundled templates; templates only render, never judge. */
public final class HtmlReportWriter {
    private HtmlReportWriter() {}

    private static Configuration cfg;

    static synchronized Configuration freemarker() {
        if (cfg == null) {
            Configuration c = new Configuration(Configuration.VERSION_2_3_34);
            c.setClassForTemplateLoading(HtmlReportWriter.class, "/failready/templates");
            c.setDefaultEncoding("UTF-8");
            c.setLocale(Locale.ROOT);
            c.setNumberFormat("computer");
            c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
            c.setLogTemplateExceptions(false);
            c.setWrapUncheckedExceptions(true);
            c.setFallbackOnNullLoopVariable(false);
            cfg = c;
        }
        return cfg;
    }

    public static String render(Report report, Report previous, Function<String, String> ruleDocs) {
        try {
            Template t = freemarker().getTemplate("report.ftlh");
            Map<String, Object> model = new HashMap<>();
            model.put("report", report);
            model.put("previous", previous);
            StringWriter w = new StringWriter();
            t.process(model, w);
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException("HTML report rendering failed: " + e.getMessage(), e);
        }
    }
}
