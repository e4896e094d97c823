package io.roundtable.runtime.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;

/**
 * The build steps of the Roundtable extension. The runtime's beans are found through its
 * {@code beans.xml}, its defaults through its {@code META-INF/microprofile-config.properties}, and its
 * browser UI through {@code META-INF/resources}: what is left here is to name the feature in the
 * startup line.
 */
class RoundtableProcessor {
    private static final String FEATURE = "roundtable";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }
}
