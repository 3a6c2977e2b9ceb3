package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.eventspy.AbstractEventSpy;
import org.apache.maven.execution.ExecutionEvent;

/**
 * A Maven core extension for the benchmark only (-Dmaven.ext.class.path): records how long each execution of the
 * plugin's goals takes inside the build, from Maven's MojoStarted to MojoSucceeded/MojoFailed events (that span
 * includes Maven configuring the mojo, and for the first module building the plugin's class realm). Wall time of
 * whole builds is too noisy on a shared machine to resolve a millisecond per module; this is not.
 *
 * <p>Writes one line per execution, in the order the executions started, to the file named by the system property
 * {@code bench.mojoTimes}: {@code <start order> <microseconds>}; and one line per project, the same way, to the file
 * named by {@code bench.projectTimes}.
 */
@Named("bench-mojo-timer")
@Singleton
public class MojoTimer extends AbstractEventSpy {
    private final AtomicInteger order = new AtomicInteger();
    private final AtomicInteger projectOrder = new AtomicInteger();
    private final Map<String, long[]> running = new ConcurrentHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> projectLines = new ArrayList<>();

    @Override
    public void onEvent(Object event) {
        if (!(event instanceof ExecutionEvent e) || e.getProject() == null) {
            return;
        }
        ExecutionEvent.Type type = e.getType();
        if (e.getMojoExecution() == null) {
            // A project's build, ProjectStarted to ProjectSucceeded: besides the goal, it holds what Maven does for a
            // plugin before its first goal starts (the execution plan reads the plugin's descriptor and POM), which
            // MojoStarted comes too late to see, and none of the JVM's start and end, alike with and without it.
            time("project " + e.getProject().getId(), type == ExecutionEvent.Type.ProjectStarted,
                    type == ExecutionEvent.Type.ProjectSucceeded || type == ExecutionEvent.Type.ProjectFailed,
                    projectOrder, projectLines);
        } else if ("oauth-token-maven-plugin".equals(e.getMojoExecution().getArtifactId())) {
            time(e.getProject().getId() + " " + e.getMojoExecution().getExecutionId(),
                    type == ExecutionEvent.Type.MojoStarted,
                    type == ExecutionEvent.Type.MojoSucceeded || type == ExecutionEvent.Type.MojoFailed, order, lines);
        }
    }

    /** Starts or ends the span of {@code key}; an ended span becomes a line {@code <start order> <microseconds>}. */
    private void time(String key, boolean starts, boolean ends, AtomicInteger counter, List<String> into) {
        if (starts) {
            running.put(key, new long[] {counter.getAndIncrement(), System.nanoTime()});
        } else if (ends) {
            long[] start = running.remove(key);
            if (start != null) {
                synchronized (into) {
                    into.add(start[0] + " " + (System.nanoTime() - start[1]) / 1000);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        write(projectLines, System.getProperty("bench.projectTimes"));
        write(lines, System.getProperty("bench.mojoTimes"));
    }

    private static void write(List<String> lines, String file) throws IOException {
        if (file != null) {
            synchronized (lines) {
                lines.sort((a, b) -> Integer.compare(Integer.parseInt(a.split(" ")[0]), Integer.parseInt(b.split(" ")[0])));
                Files.write(Path.of(file), lines);
            }
        }
    }
}
