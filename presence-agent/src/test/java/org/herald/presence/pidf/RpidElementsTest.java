package org.herald.presence.pidf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.herald.presence.pidf.Activities.Activity;
import org.herald.presence.pidf.Mood.Feeling;
import org.herald.presence.xml.XmlFragment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The element examples of RFC 4480 §3, as printed (unprefixed, so read with RPID as the default
 * namespace; the {@code pt:} prefix of §3.7 is undeclared there and bound to RFC 4589's namespace
 * here), each inside a person: what it reads as, and that it round-trips.
 */
class RpidElementsTest {
    private final PidfParser parser = new PidfParser();

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("3.2 activities", """
                        <activities>
                          <note>Enjoying the morning paper</note>
                          <vacation/>
                          <breakfast/>
                          <other>reading</other>
                        </activities>""", Rpid.NONE.withActivities(List.of(new Activities(
                        List.of(Activity.VACATION, Activity.BREAKFAST), List.of(Note.of("reading")), List.of(),
                        List.of(Note.of("Enjoying the morning paper")), null, null, null)))),
                Arguments.of("3.5 mood", """
                        <mood>
                          <note>I'm ready for the bar BOF!</note>
                          <sleepy/>
                          <thirsty/>
                        </mood>""", Rpid.NONE.withMoods(List.of(new Mood(List.of(Feeling.SLEEPY, Feeling.THIRSTY),
                        List.of(), List.of(), List.of(Note.of("I'm ready for the bar BOF!")), null, null, null)))),
                Arguments.of("3.6 place-is", """
                        <place-is>
                          <audio>
                            <noisy />
                          </audio>
                          <video>
                            <dark />
                          </video>
                        </place-is>""", Rpid.NONE.withPlaceIs(List.of(new PlaceIs(PlaceIs.Audio.NOISY,
                        PlaceIs.Video.DARK, null, List.of(), List.of(), null, null, null)))),
                Arguments.of("3.7 place-type", """
                        <place-type>
                             <pt:street/>
                        </place-type>""", Rpid.NONE.withPlaceTypes(List.of(new PlaceType(null, List.of(new XmlFragment(
                        PlaceType.LOCATION_TYPES, "street", null,
                        "<pt:street xmlns:pt=\"urn:ietf:params:xml:ns:location-type\"/>")), List.of(), null, null, null)))),
                Arguments.of("3.8 privacy", """
                        <privacy>
                          <text/>
                          <audio/>
                        </privacy>""", Rpid.NONE.withPrivacy(List.of(new Privacy(
                        List.of(Privacy.Medium.TEXT, Privacy.Medium.AUDIO), List.of(), List.of(), null, null, null)))),
                Arguments.of("3.9 relationship", """
                        <relationship>
                          <friend/>
                        </relationship>""", Rpid.NONE.withRelationship(Relationship.of(Relationship.Relation.FRIEND))),
                Arguments.of("3.10 service-class", "<service-class><postal/></service-class>",
                        Rpid.NONE.withServiceClass(ServiceClass.of(ServiceClass.Kind.POSTAL))),
                Arguments.of("3.11 sphere", """
                        <sphere>
                          <home/>
                        </sphere>""", Rpid.NONE.withSpheres(List.of(Sphere.of(Sphere.Kind.HOME)))),
                Arguments.of("3.12 status-icon", "<status-icon>http://www.example.com/playing.gif</status-icon>",
                        Rpid.NONE.withStatusIcons(List.of(StatusIcon.of("http://www.example.com/playing.gif")))),
                Arguments.of("3.13 time-offset", """
                        <time-offset description="America/New_York">-300
                             </time-offset>""",
                        Rpid.NONE.withTimeOffsets(List.of(new TimeOffset(-300, "America/New_York", null, null, null)))),
                Arguments.of("3.14 user-input", """
                        <user-input idle-threshold="600"
                          last-input="2004-10-21T13:20:00.000-05:00">idle</user-input>""",
                        Rpid.NONE.withUserInput(new UserInput(UserInput.State.IDLE, 600,
                                Instant.parse("2004-10-21T18:20:00Z"), null))),
                Arguments.of("3.14 user-input without last-input", "<user-input>idle</user-input>",
                        Rpid.NONE.withUserInput(UserInput.of(UserInput.State.IDLE))));
    }

    @ParameterizedTest(name = "RFC 4480 §{0}")
    @MethodSource("examples")
    void readsAndRoundTrips(String section, String element, Rpid expected) throws Exception {
        String xml = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:someone@example.com\">"
                + "<dm:person xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\" id=\"p1\""
                + " xmlns=\"urn:ietf:params:xml:ns:pidf:rpid\" xmlns:pt=\"urn:ietf:params:xml:ns:location-type\">"
                + element + "</dm:person></presence>";
        PresenceDocument d = parser.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, d.persons().get(0).rpid());
        assertEquals(d, parser.parse(PidfWriter.write(d)));
    }
}
