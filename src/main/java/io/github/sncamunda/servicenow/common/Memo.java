package io.github.sncamunda.servicenow.common;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the results of a pure function (validating an instance name, a token URL) so that a
 * process calling the same instance thousands of times pays for it once. Only results are kept: a
 * failure (an exception) is thrown again on every call. The memo is emptied rather than allowed to
 * grow past {@code capacity} entries, so hostile inputs cannot fill the heap.
 */
public final class Memo<K, V> {

  private final ConcurrentHashMap<K, V> remembered = new ConcurrentHashMap<>();
  private final Function<K, V> function;
  private final int capacity;

  public Memo(Function<K, V> function, int capacity) {
    this.function = function;
    this.capacity = capacity;
  }

  public V get(K key) {
    V known = remembered.get(key);
    if (known != null) {
      return known;
    }
    V computed = function.apply(key);
    if (remembered.size() >= capacity) {
      remembered.clear();
    }
    remembered.put(key, computed);
    return computed;
  }

  public int size() {
    return remembered.size();
  }
}
