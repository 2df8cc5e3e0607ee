package io.github.sncamunda.servicenow.e2e;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Empty on purpose: the connectors starter's auto-configuration is the whole runtime. */
@SpringBootApplication
public class TestRuntimeApplication {}
