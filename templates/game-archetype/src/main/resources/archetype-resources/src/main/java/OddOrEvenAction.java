package ${package};

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a seat can do. On the wire: {@code {"type":"pick","number":3}}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = OddOrEvenAction.Pick.class, name = "pick") })
public sealed interface OddOrEvenAction {

    /** Secretly picks a number from 1 to 5. */
    record Pick(int number) implements OddOrEvenAction {
    }

    static OddOrEvenAction pick(int number) {
        return new Pick(number);
    }
}
