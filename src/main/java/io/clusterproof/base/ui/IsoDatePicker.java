package io.clusterproof.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;

/** A date picker that reads and writes dates as every page and export shows them: 2027-03-06. */
public class IsoDatePicker extends DatePicker {

    public IsoDatePicker(String label) {
        super(label);
        setI18n(new DatePickerI18n().setDateFormat("yyyy-MM-dd"));
    }
}
