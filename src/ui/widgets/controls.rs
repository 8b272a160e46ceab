//! Parameter controls generated from a demo's `Params` field list: a labelled slider plus a
//! number field with its unit for numbers, a select for choices, a checkbox for toggles, a
//! textarea for text, each with its help sentence. Every change goes through
//! `Params::validate`, so the controls can never produce an unrunnable demo.
use leptos::prelude::*;
use scalelab_sim::params::{set_checked, Field, FieldKind, FieldValue, Notice, Params};

/// Sets one field, clamps, and publishes the notices of anything that had to change.
pub fn apply_field<P: Params + Send + Sync>(
    params: RwSignal<P>,
    notices: RwSignal<Vec<Notice>>,
    field: &Field<P>,
    value: FieldValue,
) {
    let mut p = params.get_untracked();
    let clamped = set_checked(&mut p, field, value);
    let (p, changed) = p.validate();
    notices.set(clamped.into_iter().chain(changed).collect());
    params.set(p);
}

/// All controls of `P`, grouped in fieldsets in the order the fields list them.
pub fn param_controls<P: Params + Send + Sync>(
    params: RwSignal<P>,
    notices: RwSignal<Vec<Notice>>,
) -> impl IntoView {
    let mut groups: Vec<&'static str> = Vec::new();
    for f in P::fields() {
        if !groups.contains(&f.group) {
            groups.push(f.group);
        }
    }
    let fieldsets = groups
        .into_iter()
        .map(|group| {
            let fields = P::fields()
                .iter()
                .filter(|f| f.group == group)
                .map(|f| field_control(params, notices, f))
                .collect_view();
            view! {
                <fieldset class="control-group">
                    <legend>{group}</legend>
                    {fields}
                </fieldset>
            }
        })
        .collect_view();
    view! { <div class="controls">{fieldsets}</div> }
}

fn field_control<P: Params + Send + Sync>(
    params: RwSignal<P>,
    notices: RwSignal<Vec<Notice>>,
    f: &'static Field<P>,
) -> impl IntoView {
    let id = format!("param-{}", f.key);
    let help_id = format!("{id}-help");
    let shown = move || params.with(|p| (f.shown)(p));
    let input = match f.kind {
        FieldKind::Number {
            min,
            max,
            step,
            unit,
            log,
            ..
        } => {
            let value = move || params.with(|p| (f.get)(p).num());
            let slider = SliderScale {
                min,
                max,
                step,
                log,
            };
            let slider_label = format!("{} (slider)", f.label);
            view! {
                <div class="number-control">
                    <input
                        type="range"
                        min="0"
                        max=SliderScale::STEPS.to_string()
                        step="1"
                        aria-label=slider_label
                        aria-valuetext=move || format!("{} {unit}", scalelab_sim::params::format_number(value()))
                        prop:value=move || slider.to_position(value()).to_string()
                        on:input=move |ev| {
                            let pos: f64 = event_target_value(&ev).parse().unwrap_or(0.0);
                            apply_field(params, notices, f, FieldValue::Num(slider.from_position(pos)));
                        }
                    />
                    <input
                        type="number"
                        id=id.clone()
                        min=min.to_string()
                        max=max.to_string()
                        step=step.to_string()
                        aria-describedby=help_id.clone()
                        prop:value=move || scalelab_sim::params::format_number(value())
                        on:change=move |ev| {
                            let text = event_target_value(&ev);
                            let x = text.trim().parse::<f64>().unwrap_or(f64::NAN);
                            apply_field(params, notices, f, FieldValue::Num(x));
                        }
                    />
                    <span class="unit">{unit}</span>
                </div>
            }
            .into_any()
        }
        FieldKind::Choice(choices) => {
            let current = move || params.with(|p| (f.get)(p).text());
            view! {
                <select
                    id=id.clone()
                    aria-describedby=help_id.clone()
                    on:change=move |ev| {
                        apply_field(params, notices, f, FieldValue::Choice(event_target_value(&ev)));
                    }
                >
                    {choices
                        .iter()
                        .map(|c| {
                            view! {
                                <option value=c.value selected=move || current() == c.value>
                                    {c.label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
        FieldKind::Toggle => {
            let checked = move || params.with(|p| (f.get)(p) == FieldValue::Bool(true));
            view! {
                <input
                    type="checkbox"
                    id=id.clone()
                    aria-describedby=help_id.clone()
                    prop:checked=checked
                    on:change=move |ev| {
                        apply_field(params, notices, f, FieldValue::Bool(event_target_checked(&ev)));
                    }
                />
            }
            .into_any()
        }
        FieldKind::Text {
            max_len,
            placeholder,
        } => {
            let text = move || params.with(|p| (f.get)(p).text());
            view! {
                <textarea
                    id=id.clone()
                    rows="3"
                    maxlength=max_len.to_string()
                    placeholder=placeholder
                    aria-describedby=help_id.clone()
                    prop:value=text
                    on:change=move |ev| {
                        let value = scalelab_sim::params::clean_text(&event_target_value(&ev));
                        apply_field(params, notices, f, FieldValue::Text(value.trim().to_string()));
                    }
                ></textarea>
            }
            .into_any()
        }
    };
    view! {
        <div class="control" class:hidden=move || !shown() data-key=f.key>
            <label for=id>{f.label}</label>
            {input}
            <small class="help" id=help_id>{f.help}</small>
        </div>
    }
}

/// Maps a field's range onto slider positions `0..=STEPS`, logarithmically for ranges that
/// span orders of magnitude, and back to a value rounded to the field's step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SliderScale {
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub log: bool,
}

impl SliderScale {
    pub const STEPS: u32 = 1000;

    fn uses_log(&self) -> bool {
        self.log && self.min > 0.0 && self.max > self.min
    }

    pub fn to_position(&self, x: f64) -> u32 {
        let span = if self.uses_log() {
            (x.max(self.min) / self.min).ln() / (self.max / self.min).ln()
        } else if self.max > self.min {
            (x - self.min) / (self.max - self.min)
        } else {
            0.0
        };
        (span.clamp(0.0, 1.0) * f64::from(Self::STEPS)).round() as u32
    }

    pub fn from_position(&self, pos: f64) -> f64 {
        let t = (pos / f64::from(Self::STEPS)).clamp(0.0, 1.0);
        let x = if self.uses_log() {
            let raw = self.min * (self.max / self.min).powf(t);
            round_significant(raw, 2)
        } else {
            self.min + t * (self.max - self.min)
        };
        let stepped = if self.step > 0.0 {
            (x / self.step).round() * self.step
        } else {
            x
        };
        // Remove float noise such as 0.30000000000000004.
        let tidy = (stepped * 1e9).round() / 1e9;
        tidy.clamp(self.min, self.max)
    }
}

fn round_significant(x: f64, digits: i32) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return x;
    }
    let magnitude = x.log10().floor() as i32;
    let factor = 10f64.powi(digits - 1 - magnitude);
    (x * factor).round() / factor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_slider_round_trips_the_ends_and_rounds_inside() {
        let s = SliderScale {
            min: 0.1,
            max: 5000.0,
            step: 0.1,
            log: true,
        };
        assert_eq!(s.from_position(0.0), 0.1);
        assert_eq!(s.from_position(1000.0), 5000.0);
        let mid = s.from_position(500.0);
        assert!((mid - 22.0).abs() < 1.0, "{mid}");
        assert_eq!(s.to_position(5000.0), 1000);
    }

    #[test]
    fn linear_slider_respects_step() {
        let s = SliderScale {
            min: 1.0,
            max: 200.0,
            step: 1.0,
            log: false,
        };
        assert_eq!(s.from_position(500.0), 101.0);
        assert_eq!(s.to_position(1.0), 0);
    }
}
