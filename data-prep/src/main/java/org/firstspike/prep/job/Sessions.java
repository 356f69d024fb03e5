package org.firstspike.prep.job;

import org.apache.spark.sql.SparkSession;

/** The Spark session of a FirstSpike command: the running one (several jobs in one application), or a new one. */
public final class Sessions {
    private Sessions() {}

    public static SparkSession get(String appName) {
        if (SparkSession.getActiveSession().isDefined()) return SparkSession.getActiveSession().get();
        SparkSession.Builder b = SparkSession.builder().appName(appName).config("spark.ui.showConsoleProgress", "false");
        // spark-submit sets spark.master; run from plain java (tests, IDE) the embedded default is local mode
        if (System.getProperty("spark.master") == null) b.master("local[*]");
        return b.getOrCreate();
    }
}
