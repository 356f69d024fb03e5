package org.firstspike.core.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A single-file HTML report: headings, paragraphs, key/value and row tables, and PNG figures embedded as data URIs. */
public final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlReport keyValues(Map<String, String> rows) {
        body.append("<table>\n");
        rows.forEach((k, v) -> body.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(v)).append("</td></tr>\n"));
        body.append("</table>\n");
        return this;
    }

    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        for (String h : header) body.append("<th>").append(escape(h)).append("</th>");
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String c : row) body.append("<td>").append(escape(c)).append("</td>");
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** An embedded PNG (the report stays one file) captioned with the name of its copy in plots/. */
    public HtmlReport figure(byte[] png, String caption) {
        body.append("<figure><img alt=\"").append(escape(caption)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(escape(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    public byte[] bytes() {
        String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n<style>"
                + "body{font-family:sans-serif;max-width:1400px;margin:2em auto;padding:0 1em;color:#222}"
                + "table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ccc;padding:3px 8px;"
                + "text-align:left;font-size:13px}th{background:#f4f4f4}figure{margin:1em 0}img{max-width:100%;"
                + "border:1px solid #eee}figcaption{font-size:12px;color:#666}</style></head>\n<body>\n<h1>"
                + escape(title) + "</h1>\n" + body + "</body></html>\n";
        return page.getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
