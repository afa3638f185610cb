package io.clusterproof.remediation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clusterproof.access.Role;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.CompiledCheck;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.KaribuTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WaiverDialogTest extends KaribuTest {

    @Autowired
    WaiverService waivers;

    @Autowired
    Catalog catalog;

    @Autowired
    TimeFormatter time;

    @Test
    @SuppressWarnings("unchecked")
    void the_expiry_date_chosen_is_the_date_stored_and_listed() {
        signInAs("expiry-engineer", Role.ENGINEER);
        UI.getCurrent().navigate("waivers");
        MockVaadin.clientRoundtrip();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("new-waiver")));

        ComboBox<CompiledCheck> check = _get(ComboBox.class, spec -> spec.withId("waiver-check"));
        check.setValue(catalog.check("privileged-container").orElseThrow());
        var justification = "Vendor agent needs privileges until release " + UUID.randomUUID();
        _get(TextArea.class, spec -> spec.withId("waiver-justification")).setValue(justification);
        _get(TextField.class, spec -> spec.withId("waiver-ticket")).setValue("https://tickets.example.com/SEC-77");
        var chosen =
                _get(DatePicker.class, spec -> spec.withLabel("Expires on")).getValue();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("request-waiver-save")));

        var stored = AsAdmin.admin(() -> waivers.report(WaiverService.Report.ALL)).stream()
                .filter(w -> w.justification().equals(justification))
                .findFirst()
                .orElseThrow();
        assertThat(time.date(stored.expiresAt())).isEqualTo(chosen.toString());
    }
}
