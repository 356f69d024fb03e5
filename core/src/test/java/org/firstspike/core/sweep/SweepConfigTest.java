package org.firstspike.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep files: expansion of grids and random draws, trial ids, and the errors of a bad file. */
class SweepConfigTest {
    @TempDir
    Path dir;

    private SweepConfig load(String... lines) throws IOException {
        Files.writeString(dir.resolve("base.properties"), "model.layers = FC16-FC2\nmodel.classes = 2\n");
        return SweepConfig.load(Files.write(dir.resolve("s.properties"), List.of(lines)), List.of());
    }

    private String error(String... lines) {
        return assertThrows(IllegalArgumentException.class, () -> load(lines)).getMessage();
    }

    @Test
    void gridsExpandToEveryCombinationOverTheBaseConfig() throws IOException {
        SweepConfig c = load("sweep.base = base.properties", "grid.train.lr = 0.1, 0.01", "grid.model.timeSteps = 4,8,16",
                "set.train.epochs = 2");
        List<Trial> trials = c.trials();
        assertEquals(6, trials.size());
        assertEquals(Map.of("model.timeSteps", "4", "train.lr", "0.1"), trials.get(0).params());
        assertEquals(Map.of("model.timeSteps", "4", "train.lr", "0.01"), trials.get(1).params());
        for (Trial t : trials) {
            assertEquals("FC16-FC2", t.settings().get("model.layers"), "from the base config");
            assertEquals(2, t.epochs(), "from set.*");
        }
        assertEquals(6, trials.stream().map(Trial::id).distinct().count());
        assertEquals(trials.get(3).id(), load("sweep.base = base.properties", "grid.train.lr = 0.1, 0.01",
                "grid.model.timeSteps = 4,8,16", "set.train.epochs = 2").trials().get(3).id(), "ids are stable");
        assertNotEquals(trials.get(0).id(), load("sweep.base = base.properties", "grid.train.lr = 0.1, 0.01",
                "grid.model.timeSteps = 4,8,16", "set.train.epochs = 3").trials().get(0).id(), "ids cover the fixed settings");
    }

    @Test
    void randomSearchDrawsFromItsDistributionsRepeatablyAndWithoutDuplicates() throws IOException {
        String[] file = {"sweep.search = random", "sweep.trials = 20", "sweep.seed = 3", "random.train.lr = loguniform(1e-4, 1e-2)",
                "random.model.timeSteps = int(2, 4)", "random.norm.enabled = choice(true, false)"};
        List<Trial> trials = load(file).trials();
        assertEquals(20, trials.size());
        assertEquals(trials, load(file).trials(), "the seed fixes the draws");
        for (Trial t : trials) {
            double lr = Double.parseDouble(t.params().get("train.lr"));
            int steps = Integer.parseInt(t.params().get("model.timeSteps"));
            assertTrue(lr >= 1e-4 && lr <= 1e-2 && steps >= 2 && steps <= 4, t.params().toString());
        }
        assertEquals(3, trials.stream().map(t -> t.params().get("model.timeSteps")).collect(Collectors.toSet()).size());
        List<Trial> small = load("sweep.search = random", "sweep.trials = 50", "random.model.timeSteps = int(2, 4)").trials();
        assertEquals(3, small.size(), "repeated draws are one trial");
    }

    @Test
    void badFilesNameTheFileTheKeyAndTheExpectation() {
        assertTrue(error("grid.train.lr = 0.1,,0.2").contains("s.properties: key 'grid.train.lr': '0.1,,0.2' has an empty value"));
        assertTrue(error("grid.train.lr = 0.1, 0.1").contains("repeats a value"));
        assertTrue(error("set.train.lr = 0.1", "grid.train.lr = 0.2").contains("train.lr is also given by"));
        assertTrue(error("grid.train.trainLimit = 100, 200").contains("the data are read once for all trials"));
        assertTrue(error("random.train.lr = uniform(0.1, 0.2)").contains("random.* keys need sweep.search = random"));
        assertTrue(error("sweep.search = random", "sweep.trials = 2", "random.train.lr = normal(0, 1)")
                .contains("unknown distribution 'normal'"));
        assertTrue(error("sweep.search = random", "sweep.trials = 2", "random.train.lr = loguniform(0, 1)")
                .contains("loguniform needs bounds > 0"));
        assertTrue(error("sweep.trials = 4").contains("key 'sweep.trials': applies to sweep.search = random"));
        assertTrue(error("sweep.earlyStopping = halving", "sweep.halving.eta = 1").contains("key 'sweep.halving.eta' = '1': expected an integer >= 2"));
        assertTrue(error("sweep.halving.eta = 2").contains("applies only with sweep.earlyStopping = halving"));
        assertTrue(error("gird.train.lr = 0.1").contains("key 'gird.train.lr': unknown key"));
        assertTrue(error("set.train.batchsize = 4").contains("did you mean 'train.batchSize'"));
        IOException base = assertThrows(IOException.class, () -> load("sweep.base = missing.properties"));
        assertTrue(base.getMessage().contains("s.properties: key 'sweep.base'") && base.getMessage().contains("not found"), base.getMessage());
    }

    @Test
    void halvingScheduleMultipliesEpochsAndKeepsTheBestThird() {
        HalvingSchedule h = HalvingSchedule.of(1, 3);
        assertEquals(List.of(1, 3, 9), List.of(h.budget(0), h.budget(1), h.budget(2)));
        assertEquals(3, h.rungs(9));
        assertEquals(3, h.rungs(5), "the last rung trains to each trial's own epochs");
        assertEquals(6, h.promoted(18));
        assertEquals(1, h.promoted(2));
        assertEquals(1, HalvingSchedule.none().rungs(100));
        assertEquals(7, HalvingSchedule.none().promoted(7));
    }
}
