package io.failready.report;

import io.failready.model.Report;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.URLTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import io.failready.util.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Renders the self-contained HTML report from {@code reports/templates/} (bundled in the jar
 * under {@code failready/templates}): {@code report.ftlh} imports {@code layout.ftlh} and
 * {@code components/*.ftlh}; CSS and JS come from {@code assets/} and are inlined; labels come
 * from {@code messages.properties}.
 *
 * <p>A template directory given with {@code --template DIR} is searched first, file by file, so
 * it may replace just {@code report.ftlh} (or a component, an asset, some messages) and still
 * import the bundled rest.
 *
 * <p>The page sets a Content-Security-Policy that allows no network at all and only the inline
 * script and style whose SHA-256 it names: even an injection that slipped past escaping could
 * neither run (event-handler attributes are blocked) nor load anything.
 */
public final class HtmlReportWriter {
    private HtmlReportWriter() {}

    static final String BUNDLED = "/failready/templates";
    /** System property: the time budget of a --template render, in milliseconds (default 120 s). */
    public static final String BUDGET_PROPERTY = "failready.template.budget.ms";
    static final long DEFAULT_BUDGET_MILLIS = 120_000;
    private static final Map<String, Configuration> CONFIGS = new ConcurrentHashMap<>();

    static Configuration freemarker(Path templateDir) {
        String key = templateDir == null ? "" : templateDir.toAbsolutePath().normalize().toString();
        return CONFIGS.computeIfAbsent(key, k -> {
            Configuration c = new Configuration(Configuration.VERSION_2_3_34);
            TemplateLoader bundled = new URLTemplateLoader() { // through the bundle's check (ClasspathDirs)
                @Override protected URL getURL(String name) {
                    try {
                        return io.failready.util.ClasspathDirs.url(BUNDLED + "/" + name);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
            if (templateDir == null) {
                c.setTemplateLoader(bundled);
            } else {
                try {
                    c.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[]{new FileTemplateLoader(templateDir.toFile()), bundled}));
                } catch (IOException e) {
                    throw new InputException(templateDir, "template directory cannot be read: " + e.getMessage(), e);
                }
            }
            c.setDefaultEncoding("UTF-8");
            c.setOutputEncoding("UTF-8");
            c.setURLEscapingCharset("UTF-8");
            c.setLocale(Locale.ROOT);
            c.setNumberFormat("computer");
            c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
            c.setLogTemplateExceptions(false);
            c.setWrapUncheckedExceptions(true);
            c.setFallbackOnNullLoopVariable(false);
            // A --template directory is code the user loads: it may render the model, never build Java
            // objects (?new on freemarker.template.utility.Execute runs shell commands) or reach the
            // API of the objects behind the model.
            c.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
            c.setAPIBuiltinEnabled(false);
            return c;
        });
    }

    /** Kept for callers of the first API; renders with the bundled templates. */
    public static String render(Report report, Report previous, Function<String, String> ruleDocs) {
        StringWriter w = new StringWriter(1 << 16);
        try {
            render(report, previous, ruleDocs, null, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * @param templateDir a directory whose files override the bundled templates, or null
     */
    public static void render(Report report, Report previous, Function<String, String> ruleDocs, Path templateDir,
                              Writer out) throws IOException {
        render(report, previous, ruleDocs, templateDir, null, out, null);
    }

    /** @param inventoryOf workload name to its inventory time, for a portfolio of reports of different ages; null: the report's own */
    public static void render(Report report, Report previous, Function<String, String> ruleDocs, Path templateDir,
                              Function<String, String> inventoryOf, Writer out) throws IOException {
        render(report, previous, ruleDocs, templateDir, inventoryOf, out, null);
    }

    /**
     * @param inventoryOf workload name to its inventory time, for a portfolio of reports of different ages; null: the report's own
     * @param framework the --framework view's control status, or null
     */
    public static void render(Report report, Report previous, Function<String, String> ruleDocs, Path templateDir,
                              Function<String, String> inventoryOf, Writer out, FrameworkView.Status framework) throws IOException {
        if (templateDir != null && !Files.isDirectory(templateDir)) {
            throw new InputException(templateDir, "--template must be a directory holding report.ftlh (and optionally components/, assets/, messages.properties).");
        }
        if (templateDir != null) refuseSpecialFiles(templateDir);
        ReportModel model = inventoryOf == null ? ReportModel.of(report, previous, ruleDocs)
                : ReportModel.of(report, previous, ruleDocs, inventoryOf, report.generatedAt());
        String css = inlineable(asset(templateDir, "assets/report.css"), "style", "assets/report.css");
        String js = inlineable(asset(templateDir, "assets/report.js"), "script", "assets/report.js");
        Map<String, Object> assets = new HashMap<>();
        assets.put("css", css);
        assets.put("js", js);
        assets.put("csp", "default-src 'none'; img-src data:; style-src '" + sha256(css) + "'; script-src '" + sha256(js)
                + "'; base-uri 'none'; form-action 'none'");
        Map<String, Object> root = new HashMap<>();
        root.put("model", model);
        root.put("assets", assets);
        root.put("msg", messages(templateDir));
        if (framework != null) root.put("frameworkStatus", framework);
        Map<String, List<String>> ruleControls = new HashMap<>();
        if (report.rules() != null) {
            for (Report.RuleRef r : report.rules()) {
                ruleControls.put(r.id(), FrameworkView.requirements(r.id(), framework == null ? null : framework.framework()));
            }
        }
        root.put("ruleControls", ruleControls);
        // The data island is streamed by a directive rather than held as one more big string.
        root.put("dataIsland", (freemarker.template.TemplateDirectiveModel) (env, params, loopVars, body) ->
                DataIsland.write(report, env.getOut()));
        try {
            Template t = freemarker(templateDir).getTemplate("report.ftlh");
            if (templateDir == null) t.process(root, out);
            else processWithinBudget(t, root, out, templateDir);
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new InputException(templateDir, "no report.ftlh in the template directory or the bundled templates.", e);
        } catch (freemarker.core.ParseException e) {
            throw new InputException(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(),
                    "template syntax error: " + e.getEditorMessage(), e);
        } catch (freemarker.template.TemplateException e) {
            String source = e.getTemplateSourceName();
            if (templateDir == null || source == null || !Files.isRegularFile(templateDir.resolve(source))) {
                throw new IllegalStateException("HTML report rendering failed: " + e.getMessage(), e);
            }
            // the user's own template failed (or tried something it may not): their input, not our bug
            Integer line = e.getLineNumber(), col = e.getColumnNumber();
            throw new InputException(templateDir.resolve(source).toString(), line == null ? -1 : line, col == null ? -1 : col,
                    "template failed: " + firstLine(e.getMessageWithoutStackTop()), e);
        }
    }

    /**
     * A --template directory is code: a {@code <#list 1..999999999 ...>} would render for ever. It
     * renders on a worker thread waited for with a deadline (as {@code RuleSandbox} fires rules); on
     * overrun the worker may write nothing more, is stopped, and the run fails with exit 2 naming
     * the template. The file it was writing is in the run's staging directory, which is discarded.
     */
    private static void processWithinBudget(Template t, Map<String, Object> root, Writer out, Path templateDir)
            throws IOException, freemarker.template.TemplateException {
        long budget = Long.getLong(BUDGET_PROPERTY, DEFAULT_BUDGET_MILLIS);
        java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
        Writer guarded = new java.io.FilterWriter(out) {
            private void check() throws IOException {
                if (abandoned.get()) throw new IOException("template render abandoned after its time budget");
            }
            @Override public void write(int c) throws IOException { check(); super.write(c); }
            @Override public void write(char[] b, int off, int len) throws IOException { check(); super.write(b, off, len); }
            @Override public void write(String s, int off, int len) throws IOException { check(); super.write(s, off, len); }
            @Override public void flush() throws IOException { check(); super.flush(); }
            @Override public void close() {}
        };
        freemarker.core.Environment env = t.createProcessingEnvironment(root, guarded);
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
            env.process();
            return null;
        });
        Thread worker = new Thread(null, task, "failready-template", 0);
        worker.setDaemon(true);
        worker.start();
        try {
            task.get(budget, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            abandoned.set(true);
            Template current = env.getCurrentTemplate();
            io.failready.util.Threads.stop(worker);
            String source = current == null ? null : current.getSourceName();
            Path named = source != null && Files.isRegularFile(templateDir.resolve(source)) ? templateDir.resolve(source)
                    : Files.isRegularFile(templateDir.resolve("report.ftlh")) ? templateDir.resolve("report.ftlh") : templateDir;
            throw new InputException(named, "template did not finish within " + io.failready.util.Durations.human(java.time.Duration.ofMillis(budget))
                    + " (a loop without end?); no report was written. Raise the budget with FAILREADY_JAVA_OPTS=-D"
                    + BUDGET_PROPERTY + "=MILLIS if the report is just large.");
        } catch (InterruptedException e) {
            abandoned.set(true);
            io.failready.util.Threads.stop(worker);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering the HTML report", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof freemarker.template.TemplateException te) throw te;
            if (c instanceof IOException io) throw io;
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    /*
     * FreeMarker and the asset reader look a template file up by name and would skip a FIFO or
     * device silently (using the bundled file instead) or block opening it: refuse them by name.
     */
    private static void refuseSpecialFiles(Path templateDir) throws IOException {
        try (var files = Files.walk(templateDir, 8)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (!Files.isDirectory(p)) io.failready.util.InputFiles.requireRegular(p, p.toString());
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    /** An inlined asset must not be able to close its own element. */
    static String inlineable(String text, String element, String name) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("</" + element) || lower.contains("<!--")) {
            throw new InputException(name, -1, -1, "cannot be inlined: it contains \"</" + element + "\" or \"<!--\".");
        }
        return text;
    }

    static String sha256(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An asset file, from the override directory when it has one, else bundled. */
    static String asset(Path templateDir, String name) throws IOException {
        if (templateDir != null) {
            Path p = templateDir.resolve(name);
            if (Files.isRegularFile(p)) return Files.readString(p, StandardCharsets.UTF_8);
        }
        try (InputStream in = io.failready.util.ClasspathDirs.resource(BUNDLED + "/" + name)) {
            if (in == null) throw new IllegalStateException("bundled template asset missing: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Bundled labels, overlaid by the override directory's messages.properties (UTF-8). */
    static Map<String, String> messages(Path templateDir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = io.failready.util.ClasspathDirs.resource(BUNDLED + "/messages.properties")) {
            if (in != null) try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) { p.load(r); }
        }
        if (templateDir != null) {
            Path f = templateDir.resolve("messages.properties");
            if (Files.isRegularFile(f)) try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) { p.load(r); }
        }
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k));
        return m;
    }
}
