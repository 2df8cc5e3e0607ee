package io.github.sncamunda.servicenow.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the pauses the client asks for instead of sleeping, keeping retry tests fast. */
final class RecordingSleeper implements Sender.Sleeper {

  final List<Duration> pauses = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    pauses.add(duration);
  }
}
