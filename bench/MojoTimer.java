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
 * {@code bench.mojoTimes}: {@code <start order> <microseconds>}.
 */
@Named("bench-mojo-timer")
@Singleton
public class MojoTimer extends AbstractEventSpy {
    private final AtomicInteger order = new AtomicInteger();
    private final Map<String, long[]> running = new ConcurrentHashMap<>();
    private final List<String> lines = new ArrayList<>();

    @Override
    public void onEvent(Object event) {
        if (!(event instanceof ExecutionEvent e) || e.getMojoExecution() == null
                || !"oauth-token-maven-plugin".equals(e.getMojoExecution().getArtifactId())) {
            return;
        }
        String key = e.getProject().getId() + " " + e.getMojoExecution().getExecutionId();
        switch (e.getType()) {
            case MojoStarted -> running.put(key, new long[] {order.getAndIncrement(), System.nanoTime()});
            case MojoSucceeded, MojoFailed -> {
                long[] start = running.remove(key);
                if (start != null) {
                    synchronized (lines) {
                        lines.add(start[0] + " " + (System.nanoTime() - start[1]) / 1000);
                    }
                }
            }
            default -> { }
        }
    }

    @Override
    public void close() throws IOException {
        String file = System.getProperty("bench.mojoTimes");
        if (file != null) {
            synchronized (lines) {
                lines.sort((a, b) -> Integer.compare(Integer.parseInt(a.split(" ")[0]), Integer.parseInt(b.split(" ")[0])));
                Files.write(Path.of(file), lines);
            }
        }
    }
}
