package org.firstspike.core.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes each plot to plots/NAME.png in the run and embeds it in the report page, keeping the list of files written. */
final class ReportPlots {
    private final RunFiles run;
    private final HtmlReport html;
    private final List<String> written = new ArrayList<>();

    ReportPlots(RunFiles run, HtmlReport html) {
        this.run = run;
        this.html = html;
    }

    void add(String name, byte[] png, String caption) throws IOException {
        String file = "plots/" + name + ".png";
        run.write(file, png);
        written.add(file);
        html.figure(png, caption + " (" + file + ")");
    }

    /** The files written so far, then the page itself as report.html. */
    List<String> finish() throws IOException {
        run.write("report.html", html.bytes());
        written.add("report.html");
        return List.copyOf(written);
    }
}
