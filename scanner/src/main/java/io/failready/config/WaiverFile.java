package io.failready.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.util.InputException;
import io.failready.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A waiver file kept apart from the workload config, typically owned by the compliance team.
 * Its waivers are appended to the named workload, or to every workload when none is named.
 */
public final class WaiverFile {
    private WaiverFile() {}

    public static void load(Path file, java.util.Collection<String> knownRuleId, FailreadyConfig into) {
        String name = file.toString();
        JsonNode tree;
        try {
            tree = Json.readLocatedYaml(file, name);
        } catch (NoSuchFileException e) {
            throw new InputException(name, -1, -1, "waiver file not found.");
        } catch (IOException e) {
            throw new InputException(name, -1, -1, "waiver file could not be read: " + e.getMessage(), e);
        }
        Json.validate(Json.schema("waivers.schema.json"), tree, name, "The waiver file");
        String target = tree.path("workload").isTextual() ? tree.get("workload").asText() : null;
        if (target != null && into.workloads.stream().noneMatch(w -> w.name.equals(target))) {
            throw ConfigLoader.at(name, tree, "/workload", "names workload '" + target + "', which the configuration does not declare.");
        }
        JsonNode list = tree.get("waivers");
        for (int i = 0; i < list.size(); i++) {
            Waiver w;
            try {
                w = Json.YAML.treeToValue(list.get(i), Waiver.class);
            } catch (IOException e) {
                throw ConfigLoader.at(name, tree, "/waivers/" + i, "invalid waiver: " + e.getMessage());
            }
            if (knownRuleId != null) ConfigLoader.checkName(name, tree, "/waivers/" + i + "/rule", "rule id", w.rule, knownRuleId, false);
            w.source = ConfigLoader.where(name, tree, "/waivers/" + i);
            for (Workload wl : into.workloads) {
                if (target == null || wl.name.equals(target)) wl.waivers.add(w);
            }
        }
    }

    public static List<Waiver> none() { return List.of(); }
}
