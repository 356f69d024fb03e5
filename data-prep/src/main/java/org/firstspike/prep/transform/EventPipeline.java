package org.firstspike.prep.transform;

import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.SensorSize;
import org.firstspike.prep.frame.FrameAccumulator;
import org.firstspike.prep.frame.FrameBinning;
import org.firstspike.prep.frame.Frames;

/**
 * The per-sample event recipe, applied in a fixed order: time crop, denoise, spatial downsampling, then binning
 * into frames. Crop, denoise and downsample are optional (null).
 */
public record EventPipeline(TimeCrop crop, Denoise denoise, SpatialDownsample downsample, FrameBinning binning) implements java.io.Serializable {

    /** Frames of one sample and how many of its events survived each step. */
    public record Result(Frames frames, long eventsIn, long eventsKept, long eventsBinned) {}

    public EventPipeline {
        if (binning == null) throw new IllegalArgumentException("binning is required");
    }

    /** The pixel grid of the frames for a recording from {@code sensor}. */
    public SensorSize frameSensor(SensorSize sensor) {
        SensorSize s = downsample == null ? sensor : downsample.target(sensor);
        return new SensorSize(s.width(), s.height(), binning.polarities());
    }

    /**
     * @param ev     the sample's events, time-ordered and inside {@code sensor}
     * @param t0     the sample's start time, origin of the time crop
     */
    public Result apply(Events ev, long t0, SensorSize sensor) {
        Events e = crop == null ? ev : crop.apply(ev, t0);
        if (denoise != null) e = denoise.apply(e);
        long kept = e.size();
        if (downsample != null) e = downsample.apply(e, sensor);
        Frames frames = FrameAccumulator.accumulate(e, frameSensor(sensor), binning);
        return new Result(frames, ev.size(), kept, frames.events());
    }
}
